import { closeSync, fsyncSync, openSync, renameSync, writeSync, existsSync, copyFileSync, unlinkSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash or power loss leaves either the old or the new
 * content, never a mix: write a temp file, fsync it, rename over the target,
 * fsync the directory. With `keepPrevious`, the old file survives as `.prev`.
 */
export function writeFileAtomic(path: string, chunks: ReadonlyArray<string | Buffer>, options: { keepPrevious?: boolean } = {}): void {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    for (const chunk of chunks) writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw err;
  }
  closeSync(fd);
  if (options.keepPrevious && existsSync(path)) copyFileSync(path, `${path}.prev`);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  }
}

let tmpSeq = 0;

/**
 * `writeFileAtomic` without blocking the event loop, for large files written
 * in the background: the same temp file, fsync, rename, fsync of the folder.
 */
export async function writeFileAtomicAsync(path: string, chunks: ReadonlyArray<Uint8Array>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${tmpSeq++}`;
  const file = await open(tmp, 'w', 0o600);
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) at += (await file.write(chunk, at, chunk.length - at)).bytesWritten;
    }
    await file.sync();
  } catch (err) {
    await file.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await file.close();
  await rename(tmp, path);
  fsyncDir(dirname(path));
}
