import Taro from '@tarojs/taro';
import { STORY_KINDS } from '../../../types/labels';
import type { StoryText } from './draftForm';

/**
 * The phone's copy of what the writer typed and the server has not confirmed yet, so text survives a
 * lost connection, a killed app or a conflict. Only the text is kept: photos and video are already in
 * cloud storage by the time they count, and a temporary preview path would not survive a restart.
 */
export interface LocalCopy extends StoryText {
  /** The server version the text was written over; null for a work never saved. */
  version: number | null;
  /** When the phone kept it (ISO), to name it when offering it back. */
  keptAt: string;
}

/** One copy per work, and one for the new work not yet saved. */
function keyOf(id: string | null): string {
  return `story-draft:${id ?? 'new'}`;
}

function isLocalCopy(value: unknown): value is LocalCopy {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Record<string, unknown>;
  return (
    (STORY_KINDS as readonly unknown[]).includes(copy.kind) &&
    typeof copy.title === 'string' &&
    typeof copy.body === 'string' &&
    (copy.campaignId === null || typeof copy.campaignId === 'string') &&
    (copy.version === null || typeof copy.version === 'number') &&
    typeof copy.keptAt === 'string'
  );
}

export function readLocalCopy(id: string | null): LocalCopy | null {
  const stored: unknown = Taro.getStorageSync(keyOf(id));
  return isLocalCopy(stored) ? stored : null;
}

export function keepLocalCopy(id: string | null, text: StoryText, version: number | null): void {
  const copy: LocalCopy = {
    kind: text.kind,
    campaignId: text.campaignId,
    title: text.title,
    body: text.body,
    version,
    keptAt: new Date().toISOString(),
  };
  Taro.setStorageSync(keyOf(id), copy);
}

export function dropLocalCopy(id: string | null): void {
  Taro.removeStorageSync(keyOf(id));
}

/** The copy differs from what is on screen in something the writer typed or chose. */
export function differsFrom(copy: LocalCopy, text: StoryText): boolean {
  return copy.kind !== text.kind || copy.campaignId !== text.campaignId || copy.title !== text.title || copy.body !== text.body;
}
