#!/usr/bin/env bash
# Mutation testing of one target (engine, facts, pathway, adapters, or all): see docs/mutation.md.
#   npm run mutation -- engine
#   MUTATION_CONCURRENCY=2 npm run mutation -- facts
#   npm run mutation -- engine src/engine/operators.ts    # one file, with the target's tests
# Reports go to .tmp/mutation/<target>.{html,json}; the incremental file next to them.
set -euo pipefail
cd "$(dirname "$0")/.."
export MUTATION_TARGET="${1:-all}"
if [ -n "${2:-}" ]; then
  [ -f "$2" ] || { echo "no such file: $2" >&2; exit 2; }
  export MUTATION_FILE="$2"
fi
mkdir -p .tmp/mutation
exec npx stryker run stryker.config.mjs
