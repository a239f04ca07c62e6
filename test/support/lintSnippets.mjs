/**
 * Lints in-memory snippets as if they lived at the given repo paths, with the repo's own eslint.config.mjs.
 * stdin: JSON [{ filePath, code }]; stdout: JSON [ruleId[]] in the same order (a parse error as "parse-error").
 *
 * A child process because ESLint loads its config with import(), which jest's module sandbox does not run.
 * The snippets' paths are not on disk, so the type-aware rules (which need the file in the TS project) are
 * switched off; the house rules read syntax and paths only.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: join(import.meta.dirname, '..', '..'),
  overrideConfig: { files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked },
});
const ruleIds = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  ruleIds.push(result.messages.map((message) => message.ruleId ?? 'parse-error'));
}
process.stdout.write(JSON.stringify(ruleIds));
