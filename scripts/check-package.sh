#!/usr/bin/env bash
# Packs the library, installs the tarball into an empty project, and checks that `import` and
# `require` both work there; then runs publint and arethetypeswrong, and checks the tarball holds
# only what users need (no tests, fixtures or secrets).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
echo "packed $tarball"

# What is in the tarball: only dist/, rules/, schemas/ and the standard files.
tar -tzf "$tmp/$tarball" | sed 's#^package/##' > "$tmp/contents.txt"
if grep -Ev '^(dist/|rules/|schemas/|package\.json$|README\.md$|LICENSE$|SECURITY\.md$)' "$tmp/contents.txt"; then
  echo "unexpected files in the tarball (listed above)" >&2
  exit 1
fi
# Rule test vectors (rules/*.test.json) are rule data that ships with the rules; test code does not.
if grep -Ei '(^|/)tests?/|\.(test|spec)\.(ts|js|mjs|cjs)$|fixtures?/|\.env|\.pem$|\.key$|id_rsa' "$tmp/contents.txt"; then
  echo "tests, fixtures or secrets in the tarball (listed above)" >&2
  exit 1
fi

mkdir "$tmp/consumer"
cd "$tmp/consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tmp/$tarball" zod@^4 >/dev/null
cat > esm.mjs <<'JS'
import { loadBundledRuleSet, evaluate } from 'oppfolgingsteam';
const rs = loadBundledRuleSet('identification');
if (rs._tag !== 'Right') throw new Error('ESM: rule set did not load');
const d = evaluate(rs.right, { birthDate: '1950-01-01' }, { asOf: '2026-06-01' });
if (d._tag !== 'Right') throw new Error('ESM: evaluate failed');
console.log('esm ok', d.right.ruleSet.id, d.right.ruleSet.version);
JS
cat > cjs.cjs <<'JS'
const { loadBundledRuleSet, evaluate } = require('oppfolgingsteam');
const rs = loadBundledRuleSet('identification');
if (rs._tag !== 'Right') throw new Error('CJS: rule set did not load');
const d = evaluate(rs.right, { birthDate: '1950-01-01' }, { asOf: '2026-06-01' });
if (d._tag !== 'Right') throw new Error('CJS: evaluate failed');
console.log('cjs ok', d.right.ruleSet.id);
JS
node esm.mjs
node cjs.cjs
# Without xstate (an optional peer) the root entry must still load; the pathway entry needs it.
node -e "require('oppfolgingsteam'); console.log('root entry loads without xstate')"
npm install --no-audit --no-fund --silent xstate@^5 >/dev/null
node --input-type=module -e "import { startPathway } from 'oppfolgingsteam/pathway'; if (typeof startPathway !== 'function') throw new Error('pathway ESM'); console.log('pathway esm ok')"
node -e "const { startPathway } = require('oppfolgingsteam/pathway'); if (typeof startPathway !== 'function') throw new Error('pathway CJS'); console.log('pathway cjs ok')"
# The `oppfolgingsteam` command, as `npx oppfolgingsteam` runs it from the installed package.
npx --no-install oppfolgingsteam --version
npx --no-install oppfolgingsteam validate node_modules/oppfolgingsteam/rules
npx --no-install oppfolgingsteam test node_modules/oppfolgingsteam/rules > /dev/null
test -f node_modules/oppfolgingsteam/rules/identification.json
test -f node_modules/oppfolgingsteam/schemas/rule-set.schema.json
cd "$root"
npx --no-install publint --strict
npx --no-install attw --pack . --profile node16
