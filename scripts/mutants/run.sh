#!/usr/bin/env bash
# Hand-made bugs (docs/mutation.md): applies each patch in scripts/mutants/ with `git apply`, runs the
# tests, records whether at least one fails, and reverts the patch. Each bug must be caught.
#
#   bash scripts/mutants/run.sh                 # every patch, against the in-process tests
#   bash scripts/mutants/run.sh --suite         # every patch, against the whole `npm test`
#   bash scripts/mutants/run.sh 07 12           # only the patches whose names start so
#
# The in-process tests are the mutation runs' set (vitest.mutation.config.ts, target `all`), with
# property tests at their full number of runs. The patched files must be unmodified before a run.
set -uo pipefail
cd "$(dirname "$0")/../.."
suite=0
picks=()
for a in "$@"; do
  if [ "$a" = "--suite" ]; then suite=1; else picks+=("$a"); fi
done
out=.tmp/mutants
mkdir -p "$out"
table="$out/results.md"
echo "| bug | caught | failing tests (first three) |" > "$table"
echo "| --- | --- | --- |" >> "$table"
missed=0
for patch in scripts/mutants/*.patch; do
  name=$(basename "$patch" .patch)
  if [ ${#picks[@]} -gt 0 ]; then
    keep=0
    for p in "${picks[@]}"; do case "$name" in "$p"*) keep=1 ;; esac; done
    [ $keep = 1 ] || continue
  fi
  if ! git apply --check -C1 "$patch" 2>/dev/null; then
    echo "| $name | does not apply to this tree | |" >> "$table"
    echo "$name: does not apply"
    missed=1
    continue
  fi
  git apply -C1 "$patch"
  # Whatever happens below, the patch comes out again.
  trap 'git apply -R -C1 "$patch" 2>/dev/null' EXIT INT TERM
  report="$out/$name.json"
  if [ $suite = 1 ]; then
    npx vitest run --reporter=json --outputFile="$report" > "$out/$name.log" 2>&1
  else
    MUTATION_TARGET=all MUTATION_MAX_RUNS=1000000 npx vitest run --config vitest.mutation.config.ts --reporter=json --outputFile="$report" > "$out/$name.log" 2>&1
  fi
  status=$?
  git apply -R -C1 "$patch"
  trap - EXIT INT TERM
  failing=$(node -e "
    const r = JSON.parse(require('fs').readFileSync('$report', 'utf8'));
    const f = r.testResults.flatMap((t) => t.assertionResults.filter((a) => a.status === 'failed').map((a) => t.name.split('/test/').pop() + ': ' + a.title));
    console.log(r.numFailedTests + '|' + f.slice(0, 3).join('; ').replace(/\|/g, '/'));
  " 2>/dev/null || echo "?|the run did not finish (exit $status); see $out/$name.log")
  n=${failing%%|*}
  names=${failing#*|}
  if [ "$n" != "0" ] && [ "$n" != "?" ]; then
    echo "| $name | yes, $n tests | $names |" >> "$table"
    echo "$name: caught by $n tests"
  else
    echo "| $name | NO | $names |" >> "$table"
    echo "$name: NOT caught"
    missed=1
  fi
done
echo
cat "$table"
exit $missed
