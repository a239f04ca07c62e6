import { useDidHide } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { StoryDraftInput, StoryView } from '../../../types/contracts/story';
import type { AppError } from '../../../types/result';
import { callFunction } from '../../services/cloud';
import { shanghaiPickerValues } from '../../utils/format';
import type { StoryText } from './draftForm';
import { dropLocalCopy, keepLocalCopy } from './localCopy';

/** Saving waits this long after the last keystroke, so a sentence is one save rather than thirty. */
export const AUTOSAVE_DELAY_MS = 2000;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The save did not get through (network, server trouble): trying again may work. */
  | { kind: 'failed' }
  /** The server refused what is on screen and named the field: it will not save until that is changed. */
  | { kind: 'refused' }
  /** Another device saved the work since this one loaded it: nothing more is saved over it. */
  | { kind: 'conflict' };

/** The saved work as `save` and `submit` need it back. */
export interface SavedRef {
  id: string;
  version: number;
}

/** What would be saved now. */
interface OnScreen {
  draft: StoryDraftInput;
  draftKey: string;
  text: StoryText;
  /** False while a new work is still blank: nothing is saved until something is written or picked. */
  meaningful: boolean;
}

interface SaverHooks {
  onScreen: () => OnScreen;
  setStatus: (status: SaveStatus) => void;
  setSaved: (saved: SavedRef) => void;
  onSaved: (story: StoryView) => void;
  /** A refusal other than CONFLICT, e.g. INVALID_INPUT naming a field, to show under it. */
  onRefused: (error: AppError) => void;
}

/**
 * One work's saves: debounced, one at a time (each carries the version the previous reply gave, so a
 * save never races the one before it), the text kept on the phone until the server confirms it, and a
 * CONFLICT that stops saving rather than overwrite another device's work.
 */
class DraftSaver {
  private saved: SavedRef | null;
  /** The draft the server holds, as a key; null for a new work the server has never seen. */
  private confirmedKey: string | null;
  private inFlight: Promise<SavedRef | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    loaded: SavedRef | null,
    loadedKey: string | null,
    private readonly hooks: SaverHooks,
  ) {
    this.saved = loaded;
    this.confirmedKey = loadedKey;
  }

  private pending(): boolean {
    const now = this.hooks.onScreen();
    return !this.stopped && now.meaningful && now.draftKey !== this.confirmedKey;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.saveNow(), AUTOSAVE_DELAY_MS);
  }

  /** Something the writer changed: keep it on the phone (even after a conflict) and save it once typing pauses. */
  changed(): void {
    const now = this.hooks.onScreen();
    if (!now.meaningful || now.draftKey === this.confirmedKey) return;
    keepLocalCopy(this.saved?.id ?? null, now.text, this.saved?.version ?? null);
    // After a conflict nothing is saved; during a save, the one under way schedules the next when it answers.
    if (this.stopped || this.inFlight) return;
    this.hooks.setStatus({ kind: 'unsaved' });
    this.schedule();
  }

  /** Saves what is on screen unless the server already has it; the saved work's reference, or null when refused. */
  async saveNow(): Promise<SavedRef | null> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.stopped) return null;
    if (this.saved && this.hooks.onScreen().draftKey === this.confirmedKey) return this.saved;
    this.inFlight = this.send();
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
      if (this.pending()) this.schedule();
    }
  }

  /** Sends what is pending, if anything: on 点此重试, and when the page hides or closes. */
  flush(): void {
    if (this.pending()) void this.saveNow();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.hooks.setStatus({ kind: 'conflict' });
  }

  dispose(): void {
    this.clearTimer();
    this.flush();
  }

  private async send(): Promise<SavedRef | null> {
    const { draft, draftKey } = this.hooks.onScreen();
    const before = this.saved;
    this.hooks.setStatus({ kind: 'saving' });
    const result = await callFunction('story', 'save', before ? { ...before, draft } : { draft }, { silentError: true });
    if (!result.ok) {
      if (result.error.code === 'CONFLICT') {
        this.stop();
      } else {
        this.hooks.onRefused(result.error);
        this.hooks.setStatus({ kind: result.error.field ? 'refused' : 'failed' });
      }
      return null;
    }
    const { story } = result.data;
    this.saved = { id: story.id, version: story.version };
    this.confirmedKey = draftKey;
    this.hooks.setSaved(this.saved);
    if (!before) dropLocalCopy(null);
    const now = this.hooks.onScreen();
    if (now.draftKey === draftKey) {
      dropLocalCopy(story.id);
      this.hooks.setStatus({ kind: 'saved', at: shanghaiPickerValues(story.updatedAt).time });
    } else {
      // Typed on while it was saving: the newer text stays on the phone, now under the work's own key.
      keepLocalCopy(story.id, now.text, story.version);
      this.hooks.setStatus({ kind: 'unsaved' });
    }
    this.hooks.onSaved(story);
    return this.saved;
  }
}

interface AutosaveOptions extends Omit<OnScreen, 'draftKey'> {
  /** The work as loaded and the draft the server holds for it, or null for a new one. */
  loaded: { ref: SavedRef; draft: StoryDraftInput } | null;
  onSaved: (story: StoryView) => void;
  onRefused: (error: AppError) => void;
}

export interface Autosave {
  status: SaveStatus;
  saved: SavedRef | null;
  saveNow: () => Promise<SavedRef | null>;
  flush: () => void;
  /** A submit found the work changed elsewhere. */
  markConflict: () => void;
}

export function useAutosave({ loaded, draft, text, meaningful, onSaved, onRefused }: AutosaveOptions): Autosave {
  const draftKey = JSON.stringify(draft);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [saved, setSaved] = useState<SavedRef | null>(loaded?.ref ?? null);
  const latest = useRef({ onScreen: { draft, draftKey, text, meaningful }, onSaved, onRefused });
  latest.current = { onScreen: { draft, draftKey, text, meaningful }, onSaved, onRefused };
  const [saver] = useState(
    () =>
      new DraftSaver(loaded?.ref ?? null, loaded ? JSON.stringify(loaded.draft) : null, {
        onScreen: () => latest.current.onScreen,
        setStatus,
        setSaved,
        onSaved: (story) => latest.current.onSaved(story),
        onRefused: (error) => latest.current.onRefused(error),
      }),
  );

  useEffect(() => saver.changed(), [saver, draftKey, meaningful]);
  useEffect(() => () => saver.dispose(), [saver]);
  useDidHide(() => saver.flush());

  return {
    status,
    saved,
    saveNow: () => saver.saveNow(),
    flush: () => saver.flush(),
    markConflict: () => saver.stop(),
  };
}
