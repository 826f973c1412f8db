#!/usr/bin/env bash
# Usage: scripts/update_catalogs.sh [DOMAIN ...]
# Extract the messages of each domain from the code and merge them into the fr, nl and en catalogs.
# New or changed messages then need a translation in each .po file (tests fail until they have one).
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A SOURCES=(
  [tutor]="bot/tutor bot/channels/terminal"
  [telegram]="bot/channels/telegram"
  [llm]="bot/llm bot/adapters/search bot/features/answers/flows.py bot/features/practice/flows.py bot/features/simpler/flows.py"
  [trainers]="bot/features/trainers"
)
# Flows that live in bot/tutor but whose messages belong to another domain's catalog.
declare -A EXCLUDE=(
  [tutor]="bot/features/answers/flows.py bot/features/practice/flows.py bot/features/simpler/flows.py"
)
# With arguments, only those domains (each feature owns its domain); without, all of them.
domains=("$@")
[ ${#domains[@]} -gt 0 ] || domains=("${!SOURCES[@]}")
for domain in "${domains[@]}"; do
  # shellcheck disable=SC2086
  files=$(find ${SOURCES[$domain]} -name '*.py' 2>/dev/null | sort)
  for excluded in ${EXCLUDE[$domain]:-}; do
    files=$(grep -vxF "$excluded" <<<"$files" || true)
  done
  [ -n "$files" ] || continue
  pybabel extract --no-location --omit-header --sort-output -k N_ -o "locales/$domain.pot" $files >/dev/null
  for lang in fr nl en; do
    po="locales/$lang/LC_MESSAGES/$domain.po"
    if [ -f "$po" ]; then
      pybabel update --no-fuzzy-matching --ignore-obsolete -D "$domain" -i "locales/$domain.pot" -d locales -l "$lang" >/dev/null
    else
      pybabel init -D "$domain" -i "locales/$domain.pot" -d locales -l "$lang" >/dev/null
    fi
  done
done
