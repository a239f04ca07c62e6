/** `npm run seed` loads the demo data into an empty .data/ store; `-- --reset` wipes and reloads it. */
import { createLocalEnvironment } from '../emulator/local';
import { loadBundle } from '../emulator/runner';
import { isEmptyStore, seedStore } from '../emulator/seed';
import { claimDataDir } from './localData';

const reset = process.argv.includes('--reset');
const dataDir = claimDataDir(reset ? 'npm run seed -- --reset' : 'npm run seed');
const { store, files } = createLocalEnvironment({ load: loadBundle, dataDir });
if (reset) {
  store.reset();
  files.reset();
}
if (isEmptyStore(store)) {
  console.log('已载入演示数据：', seedStore(store, new Date()));
} else {
  console.log('本地数据已存在，未改动。要重置请运行：npm run seed -- --reset');
}
store.close();
