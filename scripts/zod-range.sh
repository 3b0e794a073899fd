#!/usr/bin/env bash
# The fast accept path for persons (src/model/fastParse.ts) reads zod's internal definitions. The
# suite runs it against the lockfile's zod (the newest); this runs its tests against the lowest zod
# the peer range allows, installed into a temporary folder (vitest.zod.config.ts).
#
#   bash scripts/zod-range.sh            # the lowest zod of the peer range
#   bash scripts/zod-range.sh 4.3.0      # any other version
set -euo pipefail
cd "$(dirname "$0")/.."
range=$(node -p "require('./package.json').peerDependencies.zod")
version=${1:-$(npm view "zod@$range" version --json | node -e "const v=JSON.parse(require('fs').readFileSync(0,'utf8'));console.log([].concat(v)[0])")}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "zod $version (peer range $range) into $dir"
npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "zod@$version" >/dev/null
ZOD_DIR="$dir" ZOD_EXPECTED="$version" npx vitest run --config vitest.zod.config.ts
