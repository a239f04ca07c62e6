/** The data directory the local scripts share, taken by one process at a time (emulator/dataLock.ts). */
import { DataDirBusy, lockDataDir } from '../emulator/dataLock';
import { DEFAULT_DATA_DIR } from '../emulator/local';

/**
 * `.data/`, or `HONGTU_DATA_DIR` (a second server beside the first, or a test's scratch folder),
 * locked for this process until it exits; exits with the reason when another live process has it.
 */
export function claimDataDir(purpose: string): string {
  const dataDir = process.env.HONGTU_DATA_DIR ?? DEFAULT_DATA_DIR;
  try {
    lockDataDir(dataDir, purpose);
  } catch (error) {
    if (!(error instanceof DataDirBusy)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  return dataDir;
}
