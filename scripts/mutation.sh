#!/usr/bin/env bash
# Mutation testing of one target (engine, facts, pathway, adapters, or all): see docs/mutation.md.
#   npm run mutation -- engine
#   MUTATION_CONCURRENCY=2 npm run mutation -- facts
# Reports go to .tmp/mutation/<target>.{html,json}; the incremental file next to them.
set -euo pipefail
cd "$(dirname "$0")/.."
export MUTATION_TARGET="${1:-all}"
mkdir -p .tmp/mutation
exec npx stryker run stryker.config.mjs
