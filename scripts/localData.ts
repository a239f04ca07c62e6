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

/**
 * Template ids for the local runs of `cron` (`npm start`'s timer, `npm run cron`): locally any id will
 * do, since the subscribeMessage stand-in sends nothing and the outbox records what would have gone
 * out. A deployed cron needs the registered ones (deploy.config.json).
 */
export function setLocalTemplateIds(): void {
  process.env.ACTIVITY_REMINDER_TEMPLATE_ID ||= 'local-activity-reminder';
  process.env.STORY_REVIEW_TEMPLATE_ID ||= 'local-story-review';
  process.env.STUDY_REMINDER_TEMPLATE_ID ||= 'local-study-reminder';
}
