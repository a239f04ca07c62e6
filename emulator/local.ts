/** Wires the pieces of the local runtime together: manifest → store → SDK seam → runner. */
import { join } from 'node:path';
import { loadManifest } from './engine/manifest';
import { DocumentStore } from './engine/store';
import { FunctionRunner, type FunctionLoader } from './runner';
import { assertSeamPinned, installSeam } from './seam';

export const DEFAULT_DATA_DIR = join(__dirname, '..', '.data');

export interface LocalEnvironment {
  store: DocumentStore;
  runner: FunctionRunner;
}

export function createLocalEnvironment(options: {
  load: FunctionLoader;
  /** Omit for an in-memory store (tests, bench). */
  dataDir?: string;
  clock?: () => Date;
}): LocalEnvironment {
  const store = new DocumentStore({
    manifest: loadManifest(),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  installSeam(store);
  assertSeamPinned();
  return { store, runner: new FunctionRunner(store, options.load) };
}
