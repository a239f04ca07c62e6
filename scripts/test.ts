/**
 * `npm test`: every check, in the order the issue asks for, stopping at the first failure.
 * Jest's summaries are added up into one closing "N passed, N failed" line for CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const RESULTS = join(ROOT, 'test-results');

interface Step {
  title: string;
  command: string;
  /** Jest project(s) whose counts go into the closing line. */
  jest?: string;
}

const STEPS: Step[] = [
  { title: '代码规范（ESLint、Prettier）', command: 'npm run lint' },
  { title: '类型检查', command: 'npm run typecheck' },
  { title: '单元与组件测试', command: 'npx jest --selectProjects unit components', jest: 'unit' },
  { title: '模拟器一致性测试', command: 'npx jest --selectProjects emulator', jest: 'emulator' },
  { title: '构建云函数', command: 'npm run build:functions' },
  { title: '云函数集成测试', command: 'npx jest --selectProjects functions', jest: 'functions' },
  { title: '构建小程序', command: 'npm run build:weapp' },
  { title: '包体积预算', command: 'npm run size' },
  { title: '小程序页面测试（miniprogram-simulate）', command: 'npx jest --selectProjects weapp', jest: 'weapp' },
  { title: '构建 H5', command: 'npm run build:h5' },
  { title: 'H5 端到端测试（chromium）', command: 'npx jest --selectProjects e2e', jest: 'e2e' },
];

function main(): void {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  let passed = 0;
  let failed = 0;
  const timings: string[] = [];
  for (const step of STEPS) {
    const report = step.jest ? join(RESULTS, `jest-${step.jest}.json`) : undefined;
    const command = report ? `${step.command} --json --outputFile=${report}` : step.command;
    console.log(`\n▶ ${step.title}: ${step.command}`);
    const started = Date.now();
    const run = spawnSync(command, { cwd: ROOT, stdio: 'inherit', shell: true, env: { ...process.env, HONGTU_LOG: 'silent' } });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    timings.push(`${step.title} ${seconds}s`);
    if (report) {
      const summary = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
      passed += summary.numPassedTests;
      failed += summary.numFailedTests;
    }
    if (run.status !== 0) {
      console.error(`\n✖ ${step.title} 失败（${seconds}s）`);
      console.log(`\n${passed} passed, ${Math.max(failed, 1)} failed`);
      process.exit(run.status ?? 1);
    }
  }
  console.log(`\n用时：${timings.join(' · ')}`);
  console.log(`\n${passed} passed, ${failed} failed`);
}

main();
