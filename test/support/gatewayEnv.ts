import type { Server } from 'node:http';
import { createGateway, listen } from '../../emulator/gateway';
import type { LocalFiles } from '../../emulator/files';
import { createLocalEnvironment } from '../../emulator/local';
import { timerEvent, type FunctionLoader } from '../../emulator/runner';
import { DEMO_IDENTITIES, seedStore } from '../../emulator/seed';
import type { TimerReport } from '../../types/contracts/cron';

process.env.HONGTU_LOG = 'silent';

export interface SeededGateway {
  baseUrl: string;
  /** The HTTP server, to follow a request from the server's side. */
  server: Server;
  /** The cloud storage behind `/cloud-files/`. */
  files: LocalFiles;
  /**
   * Waits for what the platform pushes after a call (an image check's verdict), which goes out on
   * its own as soon as the call has answered, as it does under npm start.
   */
  settlePushes(): Promise<number>;
  /**
   * One run of `cron` as its timer trigger starts it (every minute in production, on a timer under
   * npm start): the gateway alone never runs it, so the statistics move only when a test says a
   * minute has passed. A job that failed throws here, where the platform would only log it.
   */
  runCron(): Promise<TimerReport>;
  close(): Promise<void>;
}

/** A seeded in-memory emulator behind a real HTTP gateway on a free loopback port, delivering platform pushes as npm start does. */
export async function startSeededGateway(load: FunctionLoader): Promise<SeededGateway> {
  const { store, files, runner, pushes } = createLocalEnvironment({ load, pushes: 'automatic' });
  seedStore(store, new Date());
  const server = createGateway({ runner, files, identities: DEMO_IDENTITIES });
  const port = await listen(server, 0);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    files,
    settlePushes: () => pushes.settle(),
    runCron: async () => {
      const { result } = await runner.invoke('cron', timerEvent(new Date()), { openid: undefined, label: '定时触发' });
      if (!result.ok) throw new Error(`cron failed: ${result.error.code} ${result.error.message}`);
      const report = result.data as TimerReport;
      const failed = report.jobs.filter((job) => !job.ok).map((job) => job.job);
      if (failed.length > 0) throw new Error(`cron jobs failed: ${failed.join(', ')}`);
      return report;
    },
    close: async () => {
      // A push still on its way would otherwise reach a closed store.
      await pushes.settle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        store.close();
      });
    },
  };
}
