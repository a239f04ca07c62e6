/**
 * `npm start`: takes the local data directory (one server per directory), bundles the functions,
 * rebuilds the H5 app when its build is older than the sources, opens the store in .data/ (seeding
 * it when empty), and serves the functions and the H5 app on 127.0.0.1:${PORT:-8787}.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { createGateway, DEFAULT_PORT, H5_DIR, listen } from '../emulator/gateway';
import { createLocalEnvironment } from '../emulator/local';
import { loadBundle, timerEvent } from '../emulator/runner';
import { DEMO_IDENTITIES, isEmptyStore, seedStore } from '../emulator/seed';
import { buildFunctions } from './build-functions';
import { stampInputs, staleBuildReason, writeStamp } from './buildStamp';
import { claimDataDir, setLocalTemplateIds } from './localData';

const ROOT = join(__dirname, '..');
/** What the H5 bundle is made from: the app, its build config, and the shared contracts and rules it imports. */
const H5_INPUTS = [
  'src',
  'config',
  'types',
  'core',
  'package.json',
  'package-lock.json',
  'babel.config.js',
  'tsconfig.json',
  'global.d.ts',
];
/** Outside dist/h5, so the gateway never serves it. */
const H5_STAMP = join(ROOT, 'dist', 'h5.inputs.json');

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

async function bundleFunctions(): Promise<void> {
  console.log('打包云函数（esbuild；每次启动都重新打包，不会用到旧代码）…');
  const started = Date.now();
  await buildFunctions();
  console.log(`云函数已打包，用时 ${seconds(started)} 秒。`);
}

/** The stamp is taken before building, so a source edited during the build still counts as newer. */
function ensureFreshH5(): void {
  const inputs = stampInputs(ROOT, H5_INPUTS);
  const reason = staleBuildReason(join(H5_DIR, 'index.html'), H5_STAMP, inputs);
  if (reason === undefined) {
    console.log('H5 版本与源码一致，直接使用 dist/h5。');
    return;
  }
  console.log(`构建 H5 版本：${reason}。`);
  console.log(
    'webpack 要打包整个应用：首次约半分钟到一分钟，之后借助构建缓存（node_modules/.cache/）约 5 秒。改了 src/ 后重新运行 npm start 即可。',
  );
  const started = Date.now();
  execSync('npm run build:h5', { stdio: 'inherit', cwd: ROOT });
  writeStamp(H5_STAMP, inputs);
  console.log(`H5 版本已构建，用时 ${seconds(started)} 秒。`);
}

/** The `cron` function's timer trigger (`0 * * * * * *`): once a minute. */
const CRON_INTERVAL_MS = 60_000;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const dataDir = claimDataDir(`npm start，端口 ${port}`);
  await bundleFunctions();
  ensureFreshH5();

  const { store, files, runner } = createLocalEnvironment({ load: loadBundle, dataDir, pushes: 'automatic' });
  if (isEmptyStore(store)) {
    const summary = seedStore(store, new Date());
    console.log('已载入演示数据：', summary);
  }

  const server = createGateway({ runner, files, identities: DEMO_IDENTITIES });
  const boundPort = await listen(server, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`端口 ${port} 已被占用：换一个端口，例如 PORT=9000 npm start`);
    return process.exit(1);
  });

  console.log(`\n红途本地版已启动： http://127.0.0.1:${boundPort}/`);
  console.log('演示身份（在浏览器里选择）：');
  for (const identity of DEMO_IDENTITIES) console.log(`  ${identity.openid.padEnd(16)} ${identity.label}`);
  console.log(`\n按 Ctrl+C 停止。数据保存在 ${dataDir}，停止后 npm run seed -- --reset 可重置。`);

  // As cron's timer trigger does in production (cloudfunctions/cron/config.json, every minute): the
  // statistics, reminders and the outbox move on their own while the app is open. Once now, so a
  // freshly seeded store has its dashboards at once.
  setLocalTemplateIds();
  const tick = () =>
    runner.invoke('cron', timerEvent(new Date()), { openid: undefined, label: '定时触发' }).then(
      ({ result }) => {
        if (!result.ok) console.error('cron 定时运行失败：', result.error.message);
      },
      (error: unknown) => console.error('cron 定时运行失败：', error),
    );
  void tick();
  const timer = setInterval(() => void tick(), CRON_INTERVAL_MS);

  const stop = () => {
    clearInterval(timer);
    server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
