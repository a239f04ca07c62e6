/**
 * `npm run deploy` offline (scripts/deploy.ts): the manifest built from config/database.json and each
 * function's config.json, the dry run, the refusal without credentials, idempotence against a
 * recorded environment, `--check`, and that no secret is ever printed. Runs after the functions are
 * bundled (the deploy stages their index.js).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapCodeHash } from '../../server/bootstrap';
import { BOOTSTRAP_CODE_PATTERN } from '../../types/labels';
import { functionNames } from '../../scripts/build-functions';
import { templateVariable } from '../../cloudfunctions/cron/subscribeMessage';
import { deploy, parseDeployArgs, type DeployDeps, type DeployOptions } from '../../scripts/deploy';
import { runChecks } from '../../scripts/deploy/check';
import { EXAMPLE_CONFIG_FILE, loadDeployConfig, ROOT } from '../../scripts/deploy/config';
import { CredentialsError, readCredentials, type Environment } from '../../scripts/deploy/credentials';
import { buildManifest, type DeployManifest } from '../../scripts/deploy/manifest';
import { planDeploy } from '../../scripts/deploy/plan';
import { readFunctionConfig } from '../../scripts/deploy/stage';
import { recordedEnvironment, type RecordedEnvironment } from '../support/deployEnvironment';

const CHECKIN_SECRET = 'k' + 'c'.repeat(23) + '_checkin_secret_value';
const SECRET_KEY = 'tencent-cloud-secret-key-value';
const DATABASE = JSON.parse(readFileSync(join(ROOT, 'config', 'database.json'), 'utf8')) as Parameters<typeof buildManifest>[0]['database'];
const { config } = loadDeployConfig(EXAMPLE_CONFIG_FILE, false);

let scratch: string;
let keyFile: string;
let weappDir: string;
let output: string[];
let environment: RecordedEnvironment;
let builds: string[];

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hongtu-deploy-'));
  keyFile = join(scratch, 'private.wx0123456789abcdef.key');
  writeFileSync(keyFile, '-----BEGIN RSA PRIVATE KEY-----\nupload-key-body\n-----END RSA PRIVATE KEY-----\n');
  weappDir = join(scratch, 'weapp');
  mkdirSync(weappDir);
  writeFileSync(join(weappDir, 'app.js'), 'App({})');
  output = [];
  builds = [];
  environment = recordedEnvironment();
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const credentialsEnv = (): Environment => ({
  MINIPROGRAM_PRIVATE_KEY_PATH: keyFile,
  TENCENTCLOUD_SECRET_ID: 'AKIDexample',
  TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
  HONGTU_CHECKIN_SECRET: CHECKIN_SECRET,
});

function deps(env: Environment = credentialsEnv()): DeployDeps {
  return {
    env,
    buildFunctions: async () => void builds.push('functions'),
    buildWeapp: () => void builds.push('weapp'),
    weappDir,
    target: () => environment,
  };
}

function options(mode: DeployOptions['mode']): DeployOptions {
  return { envId: 'hongtu-test-1a2b', mode, configFile: EXAMPLE_CONFIG_FILE };
}

const run = (mode: DeployOptions['mode'], env?: Environment) => deploy(options(mode), (line) => void output.push(line), deps(env));

function manifest(): DeployManifest {
  return buildManifest({
    envId: 'hongtu-test-1a2b',
    config,
    version: '1.0.0',
    database: DATABASE,
    functions: functionNames().map((name) => ({ name, config: readFunctionConfig(name), codeHash: `hash-${name}` })),
    weappCodeHash: 'weapp-hash',
    checkinSecret: CHECKIN_SECRET,
  });
}

describe('部署清单来自 config/database.json 和各云函数的 config.json', () => {
  it('每个集合、每个索引都在清单里，唯一索引仍是唯一的，权限都是仅管理端可读写', () => {
    const built = manifest();
    expect(built.collections.map((collection) => collection.name)).toEqual(DATABASE.collections.map((collection) => collection.name));
    for (const declared of DATABASE.collections) {
      const collection = built.collections.find((candidate) => candidate.name === declared.name);
      expect(collection?.permission).toBe('ADMINONLY');
      expect(collection?.indexes.map((index) => [index.name, index.unique])).toEqual(
        declared.indexes.map((index) => [index.name, index.unique === true]),
      );
    }
    expect(built.collections.find((c) => c.name === 'members')?.indexes.find((i) => i.name === 'openid_unique')).toEqual({
      name: 'openid_unique',
      keys: [['openid', 1]],
      unique: true,
    });
  });

  it('每个云函数都在清单里，带着自己的超时、定时触发器和 openapi 权限', () => {
    const built = manifest();
    expect(built.functions.map((fn) => fn.name)).toEqual(
      expect.arrayContaining(['member', 'activity', 'checkin', 'quiz', 'story', 'stats', 'cron']),
    );
    expect(built.functions.map((fn) => fn.name)).toEqual(functionNames());
    for (const fn of built.functions) expect(fn.timeout).toBe(readFunctionConfig(fn.name).timeout);
    const cron = built.functions.find((fn) => fn.name === 'cron');
    expect(cron?.triggers).toEqual([{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }]);
    expect(cron?.openapi).toContain('subscribeMessage.send');
    expect(built.functions.find((fn) => fn.name === 'checkin')?.openapi).toContain('wxacode.getUnlimited');
  });

  it('没有设置超时的云函数让清单构建失败，而不是悄悄用上 3 秒的默认值', () => {
    expect(() =>
      buildManifest({
        envId: 'hongtu-test-1a2b',
        config,
        version: '1.0.0',
        database: DATABASE,
        functions: [{ name: 'member', config: {}, codeHash: 'x' }],
        weappCodeHash: null,
        checkinSecret: CHECKIN_SECRET,
      }),
    ).toThrow('没有设置 timeout');
  });

  it('cron 读取的每个订阅消息模板变量都由部署设置，模板 ID 来自部署配置', () => {
    const cron = manifest().functions.find((fn) => fn.name === 'cron');
    for (const template of ['activity', 'story', 'study'] as const) expect(cron?.envVariables).toHaveProperty(templateVariable(template));
    expect(cron?.envVariables['STUDY_REMINDER_TEMPLATE_ID']).toBe(config.subscribeTemplates.studyReminder);
  });

  it('签到密钥只交给 checkin 云函数', () => {
    const built = manifest();
    for (const fn of built.functions) expect('CHECKIN_SECRET' in fn.envVariables).toBe(fn.name === 'checkin');
  });
});

describe('--dry-run：不联网、不要凭据，打印每一步和清单', () => {
  it('点名环境和每个云函数，列出建集合、建索引、上传函数、引导码和上传小程序的每一步', async () => {
    expect(await run('dryRun', {})).toBe(0);
    const text = output.join('\n');
    expect(text).toContain('hongtu-test-1a2b');
    for (const name of functionNames()) {
      expect(text).toContain(`create function ${name}: Nodejs20.19, timeout ${readFunctionConfig(name).timeout}s`);
      expect(text).toContain(`upload function ${name}`);
    }
    expect(text).toContain('create index members.openid_unique {openid:1} 唯一/unique');
    expect(text).toContain('set permission members → ADMINONLY');
    expect(text).toContain('set triggers cron: everyMinute 0 * * * * * *');
    expect(text).toContain('issue the one-time first-admin code');
    expect(text).toContain('upload mini-program');
    expect(environment.applied).toEqual([]);
    expect(builds).toEqual(['functions']);
  });
});

describe('缺少凭据时在动手之前失败', () => {
  it('列出每一个缺少的环境变量（中英文），不构建、不连接任何环境', async () => {
    await expect(run('deploy', {})).rejects.toThrow(CredentialsError);
    await expect(run('deploy', {})).rejects.toThrow(
      /MINIPROGRAM_PRIVATE_KEY_PATH[\s\S]*TENCENTCLOUD_SECRET_ID[\s\S]*TENCENTCLOUD_SECRET_KEY[\s\S]*HONGTU_CHECKIN_SECRET/,
    );
    expect(builds).toEqual([]);
    expect(environment.applied).toEqual([]);
  });

  it('放在仓库里的上传密钥被拒绝', () => {
    expect(() => readCredentials({ ...credentialsEnv(), MINIPROGRAM_PRIVATE_KEY_PATH: join(ROOT, 'private.key') }, config)).toThrow(
      '仓库之外',
    );
  });

  it('太短的签到密钥被拒绝', () => {
    expect(() => readCredentials({ ...credentialsEnv(), HONGTU_CHECKIN_SECRET: 'short' }, config)).toThrow('32–64 位的字母数字下划线');
  });
});

describe('幂等：第二次部署什么也不改，并且这样说', () => {
  it('第一次把空环境补齐并只显示一次引导码，第二次计划为空、打印“已是最新”', async () => {
    expect(await run('deploy')).toBe(0);
    const first = environment.applied.length;
    expect(first).toBeGreaterThan(DATABASE.collections.length);
    expect(environment.bootstrapCodeHash).toMatch(/^[0-9a-f]{64}$/);
    const code = output.find((line) => line.includes('one-time first-admin code (shown once)'))?.slice(-12) ?? '';
    expect(code).toMatch(BOOTSTRAP_CODE_PATTERN);
    expect(environment.bootstrapCodeHash).toBe(bootstrapCodeHash(code));

    output = [];
    expect(await run('deploy')).toBe(0);
    expect(environment.applied).toHaveLength(first);
    expect(output.join('\n')).toContain('already up to date: nothing to change');
    expect(output.join('\n')).not.toContain('first-admin code (shown once)');
  });

  it('只改了一个云函数的超时，第二次只重新配置这一个函数', () => {
    const wanted = manifest();
    const deployed = recordedEnvironment();
    for (const step of planDeploy(wanted, deployed.state).steps) void deployed.apply(step, { bootstrapCodeHash: 'h' });
    const quiz = deployed.state.functions['quiz'];
    if (!quiz) throw new Error('quiz was not deployed');
    quiz.timeout = 3;
    const again = planDeploy(wanted, deployed.state).steps;
    expect(again.map((step) => step.kind)).toEqual(['configureFunction']);
    expect(again[0]).toMatchObject({ fn: { name: 'quiz' }, changed: ['timeout 3s → 15s'] });
  });

  it('运行时与声明不同的已有函数不会被悄悄改动，提示需要重建', () => {
    const wanted = manifest();
    const deployed = recordedEnvironment();
    for (const step of planDeploy(wanted, deployed.state).steps) void deployed.apply(step, { bootstrapCodeHash: 'h' });
    const member = deployed.state.functions['member'];
    if (!member) throw new Error('member was not deployed');
    member.runtime = 'Nodejs16.13';
    const plan = planDeploy(wanted, deployed.state);
    expect(plan.steps).toEqual([]);
    expect(plan.notes).toEqual([expect.stringContaining('member 的运行时是 Nodejs16.13')]);
  });

  it('云端多出的索引保留不动，只在提示里说明', () => {
    const wanted = manifest();
    const deployed = recordedEnvironment();
    for (const step of planDeploy(wanted, deployed.state).steps) void deployed.apply(step, { bootstrapCodeHash: 'h' });
    deployed.state.collections['members']?.indexes.push({ name: 'console_added', keys: [['name', 1]], unique: false });
    const plan = planDeploy(wanted, deployed.state);
    expect(plan.steps).toEqual([]);
    expect(plan.notes).toEqual([expect.stringContaining('members 有未声明的索引 console_added')]);
  });
});

describe('--check：部署之后证明环境是对的', () => {
  it('每个函数的健康检查、每个声明的索引、每个唯一索引拒绝重复都通过，临时文档全部删掉', async () => {
    await run('deploy');
    output = [];
    expect(await run('check')).toBe(0);
    const text = output.join('\n');
    expect(text).toContain('all checks passed');
    expect(text).toContain('唯一索引 members.openid_unique 拒绝了重复文档');
    for (const name of functionNames()) expect(text).toContain(`云函数 ${name} 健康检查通过`);
    expect([...environment.documents.values()].every((docs) => docs.size === 0)).toBe(true);
  });

  it('漏建的唯一索引（接受了重复文档）让检查失败', async () => {
    await run('deploy');
    environment.breakUniqueIndex('members', 'openid_unique');
    const lines = await runChecks(manifest(), environment);
    expect(lines.find((line) => line.text.includes('唯一索引 members.openid_unique'))?.ok).toBe(false);
  });

  it('缺少的索引和与本地不一致的代码都被指出', async () => {
    await run('deploy');
    const members = environment.state.collections['members'];
    if (members) members.indexes = members.indexes.filter((index) => index.name !== 'openid_unique');
    const quiz = environment.state.functions['quiz'];
    if (quiz) quiz.envVariables['HONGTU_CODE_HASH'] = 'stale';
    output = [];
    expect(await run('check')).toBe(1);
    const text = output.join('\n');
    expect(text).toContain('✗ 索引 members.openid_unique 缺失');
    expect(text).toContain('✗ 云函数 quiz 健康检查通过，Node v20.19.0，代码与本地不一致');
  });
});

describe('凭据从不出现在输出里', () => {
  it('部署、再部署和检查的全部输出里都没有任何密钥的值', async () => {
    await run('deploy');
    await run('deploy');
    await run('check');
    const text = output.join('\n');
    expect(text).not.toContain(CHECKIN_SECRET);
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain('upload-key-body');
  });

  it('演练打印的清单里签到密钥显示为已隐藏', async () => {
    await run('dryRun', credentialsEnv());
    expect(output.join('\n')).not.toContain(CHECKIN_SECRET);
    expect(output.join('\n')).toContain('"CHECKIN_SECRET": "（已隐藏）"');
  });
});

describe('命令行参数', () => {
  it('没有 --env 或格式不对时说明怎么写', () => {
    expect(() => parseDeployArgs([])).toThrow('--env');
    expect(() => parseDeployArgs(['--env', 'BAD ENV'])).toThrow('--env');
  });

  it('--dry-run 与 --check 选择各自的模式', () => {
    expect(parseDeployArgs(['--env', 'hongtu-1a2b', '--dry-run']).mode).toBe('dryRun');
    expect(parseDeployArgs(['--env', 'hongtu-1a2b', '--check']).mode).toBe('check');
    expect(parseDeployArgs(['--env', 'hongtu-1a2b']).mode).toBe('deploy');
  });
});
