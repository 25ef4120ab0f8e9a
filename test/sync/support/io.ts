import { Writable } from 'node:stream';
import type { SyncIo } from '../../../plugin/sync/index.js';

/** A writable stream that keeps what was written. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
  lines(): string[] {
    return this.text.split('\n').filter((l) => l !== '');
  }
}

/** Captured stdout and stderr for `runSync`. */
export function captureIo(isTTY = false): SyncIo & { stdout: Capture; stderr: Capture } {
  return { stdout: new Capture(), stderr: new Capture(), isTTY };
}
