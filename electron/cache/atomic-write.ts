import { closeSync, fsyncSync, openSync, renameSync, writeSync, existsSync, copyFileSync, unlinkSync } from 'node:fs';
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
