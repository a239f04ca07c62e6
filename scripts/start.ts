/**
 * `npm start`: builds what is missing, opens the local store in .data/ (seeding it when empty),
 * and serves the functions and the H5 app on 127.0.0.1:${PORT:-8787}.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGateway, DEFAULT_PORT, H5_DIR, listen } from '../emulator/gateway';
import { createLocalEnvironment, DEFAULT_DATA_DIR } from '../emulator/local';
import { loadBundle } from '../emulator/runner';
import { DEMO_IDENTITIES, isEmptyStore, seedStore } from '../emulator/seed';
import { buildFunctions } from './build-functions';

async function main(): Promise<void> {
  await buildFunctions();
  if (!existsSync(join(H5_DIR, 'index.html'))) {
    console.log('首次启动：构建 H5 版本（约 30 秒）…');
    execSync('npm run build:h5', { stdio: 'inherit', cwd: join(__dirname, '..') });
  }

  const { store, files, runner } = createLocalEnvironment({ load: loadBundle, dataDir: DEFAULT_DATA_DIR });
  if (isEmptyStore(store)) {
    const summary = seedStore(store, new Date());
    console.log('已载入演示数据：', summary);
  }

  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const server = createGateway({ runner, files, identities: DEMO_IDENTITIES });
  const boundPort = await listen(server, port);

  console.log(`\n红途本地版已启动： http://127.0.0.1:${boundPort}/`);
  console.log('演示身份（在浏览器里选择）：');
  for (const identity of DEMO_IDENTITIES) console.log(`  ${identity.openid.padEnd(16)} ${identity.label}`);
  console.log('\n按 Ctrl+C 停止。数据保存在 .data/，npm run seed -- --reset 可重置。');

  const stop = () => {
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
