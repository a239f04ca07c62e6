/**
 * `npm run cron`: one run of the `cron` function against the local data directory, as its timer
 * trigger would start it — reminders, change notices, finished activities and the outbox (works' review notices too) sent
 * through the subscribeMessage stand-in (the outbox then shows what would have gone out). It opens
 * the data directory itself, so it takes the directory's lock: stop `npm start` first.
 */
import type { TimerReport } from '../types/contracts/cron';
import { createLocalEnvironment } from '../emulator/local';
import { loadSource, timerEvent } from '../emulator/runner';
import { claimDataDir, setLocalTemplateIds } from './localData';

setLocalTemplateIds();
process.env.HONGTU_LOG ||= 'silent';

async function main(): Promise<void> {
  const dataDir = claimDataDir('npm run cron');
  const { store, runner } = createLocalEnvironment({ load: loadSource, dataDir });
  try {
    const { result, requests, ms } = await runner.invoke('cron', timerEvent(new Date()), { openid: undefined, label: 'npm run cron' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { jobs } = result.data as TimerReport;
    for (const { job, ok, ms: jobMs, counts } of jobs) {
      const summary = Object.entries(counts)
        .map(([name, count]) => `${name} ${count}`)
        .join('，');
      console.log(`${ok ? '✓' : '✗'} ${job}（${Math.round(jobMs)} ms）${summary}`);
    }
    console.log(`cron 运行一次：${requests.length} 次数据库请求，${Math.round(ms)} ms。`);
    if (jobs.some((job) => !job.ok)) process.exitCode = 1;
  } finally {
    store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
