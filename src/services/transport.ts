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

/** Stores the file under `cloudPath` in cloud storage and resolves to its file ID. */
export type Upload = (cloudPath: string, file: UploadSource) => Promise<string>;
