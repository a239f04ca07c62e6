/**
 * The README's "提审清单": the 用户隐私保护指引 entries (types/privacy.ts) with the code that needs
 * each one, and app.json's `requiredPrivateInfos` — generated from the sources so it stays true.
 * `npm run privacy-checklist` rewrites the README block; test/unit/privacy-checklist.test.ts fails
 * when the block, the declarations and the code disagree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_API_ENTRIES, PRIVACY_SELF_COLLECTED } from '../../types/privacy';
import { scanPrivateInfoUses, type PrivateInfoUse } from './privacyApis';

export const ROOT = join(__dirname, '..', '..');
export const README = join(ROOT, 'README.md');
export const CHECKLIST_START = '<!-- privacy-checklist:start (npm run privacy-checklist) -->';
export const CHECKLIST_END = '<!-- privacy-checklist:end -->';

interface AppConfig {
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
}

/** app.config.ts as Taro evaluates it: in Node, with `defineAppConfig` as the identity. */
export function loadAppConfig(): AppConfig {
  const globals = globalThis as { defineAppConfig?: (config: AppConfig) => AppConfig };
  globals.defineAppConfig = (config) => config;
  const loaded = require(join(ROOT, 'src', 'app.config.ts')) as { default: AppConfig };
  return loaded.default;
}

export function appPrivateInfoUses(): PrivateInfoUse[] {
  return scanPrivateInfoUses(join(ROOT, 'src'), ROOT);
}

function apisOf(uses: readonly PrivateInfoUse[], key: string): string {
  const apis = [...new Set(uses.filter((use) => use.key === key).map((use) => `\`${use.what}\``))];
  return apis.join('、');
}

export function reviewChecklist(uses: readonly PrivateInfoUse[], config: AppConfig): string {
  const rows = [
    ...PRIVACY_API_ENTRIES.map((entry) => `| ${entry.label}（${entry.key}） | 为了${entry.purpose} | ${apisOf(uses, entry.key)} |`),
    ...PRIVACY_SELF_COLLECTED.map((entry) => `| ${entry.label}（自行收集） | 为了${entry.purpose} | 表单与投稿 |`),
  ];
  const required = (config.requiredPrivateInfos ?? []).map((api) => `\`${api}\``).join('、') || '无';
  const permissions = Object.entries(config.permission ?? {})
    .map(([scope, { desc }]) => `\`${scope}\`：${desc}`)
    .join('；');
  return [
    CHECKLIST_START,
    '| 隐私保护指引中填写的信息 | 用途（原样填入） | 代码中用到的接口 |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `- app.json \`requiredPrivateInfos\`：${required}`,
    `- app.json \`permission\`：${permissions || '无'}`,
    CHECKLIST_END,
  ].join('\n');
}

/** The README's checklist block, markers included. */
export function checklistIn(readme: string): string {
  const start = readme.indexOf(CHECKLIST_START);
  const end = readme.indexOf(CHECKLIST_END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${CHECKLIST_START} … ${CHECKLIST_END} block`);
  return readme.slice(start, end + CHECKLIST_END.length);
}

/** The block without the column padding and blank lines Prettier adds, so generated and formatted text compare equal. */
export function withoutLayout(block: string): string {
  return block
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\s*\|\s*/g, '|')
        .replace(/-{3,}/g, '---'),
    )
    .filter((line) => line !== '')
    .join('\n');
}

if (process.argv[1] === __filename) {
  const readme = readFileSync(README, 'utf8');
  writeFileSync(README, readme.replace(checklistIn(readme), reviewChecklist(appPrivateInfoUses(), loadAppConfig())));
  execFileSync('npx', ['prettier', '--write', README], { cwd: ROOT, stdio: 'inherit' });
  console.log('README.md 提审清单已更新');
}
