/**
 * `npm run deploy -- --env <envId>`: one command that takes a cloud environment to what this
 * checkout declares — collections, indexes and permissions (config/database.json), every function
 * with its timeout, triggers, openapi permissions and variables, the first-admin code, the
 * mini-program upload — and changes nothing when it already is. `--dry-run` prints the plan for an
 * empty environment without a network; `--check` proves a deployed environment (scripts/deploy/check.ts).
 * README "上线部署" is the guide.
 */
import { execSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapCodeHash } from '../server/bootstrap';
import { BOOTSTRAP_CODE_LENGTH, INVITE_CODE_ALPHABET } from '../types/labels';
import { buildFunctions, functionNames } from './build-functions';
import { runChecks } from './deploy/check';
import { DEFAULT_CONFIG_FILE, loadDeployConfig, ROOT, type DeployConfig } from './deploy/config';
import { readCredentials, redact, type DeployCredentials, type Environment } from './deploy/credentials';
import { buildManifest, printableManifest, type DeployManifest } from './deploy/manifest';
import { describeStep, planDeploy, type DeployedState } from './deploy/plan';
import { hashFolder, readFunctionConfig, stageFunction } from './deploy/stage';
import type { CheckTarget, DeployTarget } from './deploy/target';
import { tencentCloud } from './deploy/tencentCloud';

export interface DeployOptions {
  envId: string;
  mode: 'deploy' | 'dryRun' | 'check';
  configFile: string;
}

/** What the command reaches outside its own logic; tests replace the builds and the environment. */
export interface DeployDeps {
  env: Environment;
  buildFunctions(): Promise<void>;
  buildWeapp(envId: string, config: DeployConfig): void;
  /** Where the built mini-program is (its hash decides whether it is uploaded again). */
  weappDir: string;
  target(manifest: DeployManifest, credentials: DeployCredentials): DeployTarget & CheckTarget;
}

const ENV_ID = /^[a-z][a-z0-9-]{3,39}$/;

export function parseDeployArgs(argv: readonly string[]): DeployOptions {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const envId = value('--env');
  if (!envId || !ENV_ID.test(envId)) throw new Error('请用 --env <云环境 ID> 指定云开发环境 / pass --env <envId> (e.g. hongtu-8g2x1a)');
  const mode = argv.includes('--check') ? 'check' : argv.includes('--dry-run') ? 'dryRun' : 'deploy';
  return { envId, mode, configFile: value('--config') ?? DEFAULT_CONFIG_FILE };
}

/** An empty environment: what `--dry-run` plans against, since it may not ask the real one. */
export const EMPTY_ENVIRONMENT: DeployedState = { collections: {}, functions: {}, weapp: null, bootstrap: 'absent' };

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A code member.bootstrap accepts (types/labels.ts), from a cryptographic source. */
export function newBootstrapCode(): string {
  return Array.from({ length: BOOTSTRAP_CODE_LENGTH }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('');
}

function manifestFor(options: DeployOptions, config: DeployConfig, checkinSecret: string, weappDir: string): DeployManifest {
  return buildManifest({
    envId: options.envId,
    config,
    version: packageVersion(),
    database: JSON.parse(readFileSync(join(ROOT, 'config', 'database.json'), 'utf8')) as Parameters<typeof buildManifest>[0]['database'],
    functions: functionNames().map((name) => ({ name, config: readFunctionConfig(name), codeHash: stageFunction(name) })),
    weappCodeHash: options.mode === 'dryRun' || !existsSync(weappDir) ? null : hashFolder(weappDir),
    checkinSecret,
  });
}

/** The weapp build this environment needs: its env id and templates baked in as config/index.ts reads them. */
function buildWeapp(envId: string, config: DeployConfig): void {
  execSync('npm run build:weapp', {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      TARO_APP_CLOUD_ENV: envId,
      TARO_APP_ACTIVITY_REMINDER_TEMPLATE_ID: config.subscribeTemplates.activityReminder,
      TARO_APP_STORY_REVIEW_TEMPLATE_ID: config.subscribeTemplates.storyReview,
      TARO_APP_STUDY_REMINDER_TEMPLATE_ID: config.subscribeTemplates.studyReminder,
    },
  });
}

export const REAL_DEPS: DeployDeps = {
  env: process.env,
  buildFunctions: () => buildFunctions(),
  buildWeapp,
  weappDir: join(ROOT, 'dist', 'weapp'),
  target: tencentCloud,
};

export async function deploy(options: DeployOptions, log: (line: string) => void, deps: DeployDeps = REAL_DEPS): Promise<number> {
  const { config, file } = loadDeployConfig(options.configFile, options.mode === 'dryRun');
  if (options.mode === 'dryRun') {
    await deps.buildFunctions();
    const manifest = manifestFor(options, config, '（部署时从环境变量读取）', deps.weappDir);
    log(`演练（不联网）/ dry run for env ${options.envId}, config ${file}`);
    log(`云函数 / functions: ${manifest.functions.map((fn) => fn.name).join(', ')}`);
    const plan = planDeploy(manifest, EMPTY_ENVIRONMENT);
    for (const [index, step] of plan.steps.entries()) log(`${index + 1}. ${describeStep(step)}`);
    log(JSON.stringify(printableManifest(manifest), null, 2));
    return 0;
  }

  // Credentials are checked before any build or request, so a missing key changes nothing.
  const credentials: DeployCredentials = readCredentials(deps.env, config);
  const say = (line: string) => log(redact(line, credentials));
  if (options.mode === 'deploy') deps.buildWeapp(options.envId, config);
  await deps.buildFunctions();
  const manifest = manifestFor(options, config, credentials.checkinSecret, deps.weappDir);
  const target = deps.target(manifest, credentials);

  if (options.mode === 'check') {
    const lines = await runChecks(manifest, target);
    for (const line of lines) say(`${line.ok ? '✓' : '✗'} ${line.text}`);
    const failed = lines.filter((line) => !line.ok).length;
    say(failed === 0 ? `环境 ${options.envId} 检查全部通过 / all checks passed` : `${failed} 项检查未通过 / checks failed`);
    return failed === 0 ? 0 : 1;
  }

  const plan = planDeploy(manifest, await target.readState(manifest));
  for (const note of plan.notes) say(`注意 / note: ${note}`);
  if (plan.steps.length === 0) {
    say(`环境 ${options.envId} 已是最新，无需变更 / already up to date: nothing to change`);
    return 0;
  }
  let bootstrapCode: string | null = null;
  for (const [index, step] of plan.steps.entries()) {
    say(`${index + 1}/${plan.steps.length} ${describeStep(step)}`);
    if (step.kind === 'issueBootstrapCode') bootstrapCode = newBootstrapCode();
    await target.apply(step, bootstrapCode ? { bootstrapCodeHash: bootstrapCodeHash(bootstrapCode) } : {});
  }
  say(`完成 / done: ${plan.steps.length} 步`);
  if (bootstrapCode) {
    log(`\n首位管理员的一次性引导码（只显示这一次）/ one-time first-admin code (shown once): ${bootstrapCode}`);
    log(
      '在小程序“加入党支部”指引下方点“用部署引导码初始化组织”输入它，输入者成为组织部管理员。/ Enter it in the app to become the first org admin.',
    );
  }
  return 0;
}

if (process.argv[1] === __filename) {
  let options: DeployOptions;
  try {
    options = parseDeployArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  deploy(options, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
