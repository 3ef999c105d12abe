// Lints code as if it were at a given path, with the project's eslint.config.mjs, and prints the
// messages as JSON. Run as a child process: ESLint loads its config with import(), which the
// test runner's module sandbox does not allow.
// stdin: [{ "filePath": "src/core/x.ts", "code": "…" }]; stdout: [[{ "ruleId", "message" }…]…]
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
// The boundary rules need no type information; without it a probe need not exist on disk.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });
const out = [];
for (const { filePath, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(out));
