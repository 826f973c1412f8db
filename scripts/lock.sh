#!/usr/bin/env bash
# Pin the dependencies again: requirements.lock (the tutor), requirements-dev.lock (with the dev
# tools) and requirements-server.lock (the image: chromadb-client instead of chromadb).
# Existing pins are kept unless pyproject.toml asks otherwise; pass uv options such as
# `--upgrade-package openai` to move one.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
compile() { "$UV" pip compile --quiet --python-version 3.11 --no-header "$@"; }

compile pyproject.toml -o requirements.lock "$@"
compile pyproject.toml --extra dev -o requirements-dev.lock "$@"
# The server lock takes every shared pin from requirements.lock, and chromadb-client at its
# chromadb's version.
chromadb=$(sed -n 's/^chromadb==//p' requirements.lock)
sed -i "s/^chromadb-client==.*/chromadb-client==$chromadb/" deploy/server.in
compile pyproject.toml deploy/server.in --override deploy/server-overrides.txt \
  -c requirements.lock -o requirements-server.lock "$@"

# The locks name packages and versions only: no index, host or credentials.
if grep -nE '://|^--' requirements.lock requirements-dev.lock requirements-server.lock; then
  echo "A lock file names an index or a URL: remove it." >&2
  exit 1
fi
