import type { Server } from 'node:http';
import { createGateway, listen } from '../../emulator/gateway';
import type { LocalFiles } from '../../emulator/files';
import { createLocalEnvironment } from '../../emulator/local';
import type { FunctionLoader } from '../../emulator/runner';
import { DEMO_IDENTITIES, seedStore } from '../../emulator/seed';

process.env.HONGTU_LOG = 'silent';

export interface SeededGateway {
  baseUrl: string;
  /** The HTTP server, to follow a request from the server's side. */
  server: Server;
  /** The cloud storage behind `/cloud-files/`. */
  files: LocalFiles;
  close(): Promise<void>;
}

/** A seeded in-memory emulator behind a real HTTP gateway on a free loopback port. */
export async function startSeededGateway(load: FunctionLoader): Promise<SeededGateway> {
  const { store, files, runner } = createLocalEnvironment({ load });
  seedStore(store, new Date());
  const server = createGateway({ runner, files, identities: DEMO_IDENTITIES });
  const port = await listen(server, 0);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    server,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        store.close();
      }),
  };
}
