/**
 * Temporary entry for `stratify` until the CLI framework (src/cli/main.ts, issue 6) registers it:
 * `npx tsx src/cli/stratify-main.ts --synthetic 100000 --report r.html`.
 */
import { runStratify } from './commands/stratify.js';

const code = await runStratify(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
