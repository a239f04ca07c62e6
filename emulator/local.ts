/** Wires the pieces of the local runtime together: manifest → store → SDK seams → runner. */
import { join } from 'node:path';
import { loadManifest } from './engine/manifest';
import { DocumentStore } from './engine/store';
import type { FaultPlan } from './faults';
import { LocalFiles } from './files';
import type { RequestScheduler } from './interleaving';
import { installPlatformStandIns } from './platform';
import { PlatformPushes, type PushDelivery } from './pushes';
import { FunctionRunner, type FunctionLoader } from './runner';
import { assertSeamPinned, installSeam } from './seam';
import { CHECKIN_SECRET_ENV } from '../server/checkinSecret';

/**
 * The check-in HMAC secret when none is configured: fixed and public, so codes stay valid across
 * restarts and between the server and a test in another process. It lives here, outside every
 * function bundle, so production can never fall back to it.
 */
export const LOCAL_CHECKIN_SECRET = 'hongtu_local_emulator_checkin_secret_not_for_production';

export const DEFAULT_DATA_DIR = join(__dirname, '..', '.data');

export interface LocalEnvironment {
  store: DocumentStore;
  /** Cloud storage: what the functions upload, and files a test puts there as if a phone had. */
  files: LocalFiles;
  runner: FunctionRunner;
  /** When each DB request may go: free running by default, seeded or paused on demand. */
  scheduler: RequestScheduler;
  /** Failures planted on chosen DB requests. */
  faults: FaultPlan;
  /** What the platform pushes back later (an image check's verdict): `settle()` delivers what is due. */
  pushes: PlatformPushes;
}

export function createLocalEnvironment(options: {
  load: FunctionLoader;
  /** Omit for an in-memory store (tests, bench). */
  dataDir?: string;
  clock?: () => Date;
  /** `automatic` for npm start; tests and the bench hold pushes until they settle them. */
  pushes?: PushDelivery;
}): LocalEnvironment {
  const store = new DocumentStore({
    manifest: loadManifest(),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  process.env[CHECKIN_SECRET_ENV] ??= LOCAL_CHECKIN_SECRET;
  const { scheduler, faults } = installSeam(store);
  assertSeamPinned();
  const files = new LocalFiles(options.dataDir === undefined ? undefined : join(options.dataDir, 'files'));
  const pushes = new PlatformPushes(options.pushes ?? 'held');
  installPlatformStandIns(files, pushes);
  const runner = new FunctionRunner(store, options.load);
  pushes.connect(runner);
  return { store, files, runner, scheduler, faults, pushes };
}
