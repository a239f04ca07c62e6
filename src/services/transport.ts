/** The wire step shared by both platforms: the event goes out, whatever the function answered comes back. */
export interface FunctionEventPayload {
  action: string;
  input: unknown;
}

export type Transport = (name: string, event: FunctionEventPayload) => Promise<unknown>;

/** A file to store: the weapp temp path, or the browser's Blob on H5. */
export interface UploadSource {
  path?: string;
  blob?: Blob;
}

/** Percent of the file sent so far, 0–100. */
export type UploadProgress = (percent: number) => void;

/** Stores the file under `cloudPath` in cloud storage and resolves to its file ID; `onProgress` hears how far it got. */
export type Upload = (cloudPath: string, file: UploadSource, onProgress?: UploadProgress) => Promise<string>;
