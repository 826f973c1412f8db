#!/usr/bin/env bash
# Usage: scripts/update_catalogs.sh [DOMAIN ...]
# Extract the messages of each domain from the code and merge them into the catalog of every
# language the tutor knows (BUILT_IN in bot/core/languages.py).
# Which folders feed which domain comes from the features and channels (bot.app.catalog_sources).
# New or changed messages then need a translation in each .po file (tests fail until they have one).
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A SOURCES=()
while read -r domain folders; do
  SOURCES[$domain]=$folders
done < <(python -c '
from pathlib import Path
from bot.app import catalog_sources
for domain, folders in catalog_sources().items():
    print(domain, " ".join(str(f.relative_to(Path.cwd())) for f in folders))
')
read -ra languages <<<"$(python -c 'from bot.core.languages import BUILT_IN; print(*BUILT_IN.codes)')"
# With arguments, only those domains; without, all of them.
domains=("$@")
[ ${#domains[@]} -gt 0 ] || domains=("${!SOURCES[@]}")
for domain in "${domains[@]}"; do
  # shellcheck disable=SC2086
  files=$(find ${SOURCES[$domain]} \( -name '*.py' -o -name '*.html' \) 2>/dev/null | sort)
  [ -n "$files" ] || continue
  # The mapping (scripts/babel.cfg) reads .py files as Python and .html files as Jinja2 templates.
  pybabel -q extract --no-wrap --no-location --omit-header --sort-output -k N_ -F scripts/babel.cfg -o "locales/$domain.pot" $files >/dev/null
  for lang in "${languages[@]}"; do
    po="locales/$lang/LC_MESSAGES/$domain.po"
    if [ -f "$po" ]; then
      pybabel -q update --no-wrap --no-fuzzy-matching --ignore-obsolete -D "$domain" -i "locales/$domain.pot" -d locales -l "$lang" >/dev/null
    else
      pybabel -q init -D "$domain" -i "locales/$domain.pot" -d locales -l "$lang" >/dev/null
    fi
  done
done
