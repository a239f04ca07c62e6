/** `npm run seed` loads the demo data into an empty .data/ store; `-- --reset` wipes and reloads it. */
import { createLocalEnvironment, DEFAULT_DATA_DIR } from '../emulator/local';
import { loadBundle } from '../emulator/runner';
import { isEmptyStore, seedStore } from '../emulator/seed';

const reset = process.argv.includes('--reset');
const { store, files } = createLocalEnvironment({ load: loadBundle, dataDir: DEFAULT_DATA_DIR });
if (reset) {
  store.reset();
  files.reset();
}
if (isEmptyStore(store)) {
  console.log('已载入演示数据：', seedStore(store, new Date()));
} else {
  console.log('本地数据已存在，未改动。要重置请运行：npm run seed -- --reset（请先停止 npm start）');
}
store.close();
