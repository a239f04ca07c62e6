import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../services/mediaPick';
import { uploadToCloud } from '../../services/storage';

/**
 * One file of a work on its way to cloud storage, or already there. wx.cloud.uploadFile sends a file
 * whole and cannot resume a byte range, so "resume after a failure" is per file: a failed file keeps
 * what was picked and 重试 sends that file again while the others stay stored.
 */
export interface UploadItem<Meta> {
  key: string;
  previewUrl: string;
  state: 'uploading' | 'failed' | 'stored';
  percent: number;
  /** Set once stored. */
  fileId: string | null;
  /** What was picked, kept for 重试; null for a file that came stored with the draft. */
  picked: PickedFile | null;
  meta: Meta;
}

/** A file the saved draft already holds. */
export interface StoredFile<Meta> {
  fileId: string;
  url: string;
  meta: Meta;
}

export interface Uploads<Meta> {
  items: Array<UploadItem<Meta>>;
  add: (picked: PickedFile, meta: Meta) => void;
  retry: (key: string) => void;
  remove: (key: string) => void;
  /** The stored files' IDs in the order they were added: what the draft carries. */
  storedFileIds: string[];
  uploading: boolean;
  failed: number;
}

export function useUploads<Meta>(folder: string, initial: Array<StoredFile<Meta>>): Uploads<Meta> {
  const [items, setItems] = useState<Array<UploadItem<Meta>>>(() =>
    initial.map((file, index) => ({
      key: `stored-${index}`,
      previewUrl: file.url,
      state: 'stored',
      percent: 100,
      fileId: file.fileId,
      picked: null,
      meta: file.meta,
    })),
  );
  const nextKey = useRef(0);

  const patch = useCallback((key: string, change: Partial<UploadItem<Meta>>) => {
    setItems((previous) => previous.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const send = useCallback(
    (key: string, picked: PickedFile) => {
      uploadToCloud(folder, picked.extension, picked.source, (percent) => patch(key, { percent })).then(
        (fileId) => patch(key, { state: 'stored', fileId, percent: 100 }),
        () => patch(key, { state: 'failed' }),
      );
    },
    [folder, patch],
  );

  const add = useCallback(
    (picked: PickedFile, meta: Meta) => {
      nextKey.current += 1;
      const key = `picked-${nextKey.current}`;
      setItems((previous) => [
        ...previous,
        { key, previewUrl: picked.previewUrl, state: 'uploading', percent: 0, fileId: null, picked, meta },
      ]);
      send(key, picked);
    },
    [send],
  );

  const retry = useCallback(
    (key: string) => {
      const item = items.find((candidate) => candidate.key === key);
      if (!item?.picked || item.state !== 'failed') return;
      patch(key, { state: 'uploading', percent: 0 });
      send(key, item.picked);
    },
    [items, patch, send],
  );

  const remove = useCallback((key: string) => {
    setItems((previous) => previous.filter((item) => item.key !== key));
  }, []);

  return {
    items,
    add,
    retry,
    remove,
    storedFileIds: items.flatMap((item) => (item.fileId ? [item.fileId] : [])),
    uploading: items.some((item) => item.state === 'uploading'),
    failed: items.filter((item) => item.state === 'failed').length,
  };
}
