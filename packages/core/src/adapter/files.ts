import type { Readable } from "node:stream";

/** A local file core has checked (exists, readable, not empty) before the first write. */
export interface UploadFile {
  /** Absolute path; adapters open it as a stream, never read it whole. */
  path: string;
  /** File name with extension, as the tracker should record it. */
  fileName: string;
  size: number;
  /** Guessed from the extension. */
  contentType: string;
}

/** How far an upload or download has got, as `onProgress` receives it. */
export interface TransferProgress {
  /** The file being sent or received. */
  fileName: string;
  /** Bytes sent (or received) so far. */
  loaded: number;
  /** Total bytes, when known. */
  total: number | undefined;
}

/** Options of everything that sends or receives files: progress and cancellation. */
export interface TransferOptions {
  /**
   * Called as bytes go out or come in.
   *
   * @default undefined (no progress reports)
   * @example
   * onProgress: ({ fileName, loaded, total }) => console.log(fileName, loaded, "/", total)
   */
  onProgress?: (progress: TransferProgress) => void;
  /**
   * Cancels the transfer; the promise rejects with the signal's reason.
   *
   * @default undefined (runs to the end or to the tracker's timeout)
   * @example
   * signal: AbortSignal.timeout(60_000)
   */
  signal?: AbortSignal;
}

/** A file coming from the tracker. The caller consumes or destroys `stream`. */
export interface Download {
  fileName: string;
  size: number | undefined;
  contentType: string | undefined;
  stream: Readable;
}
