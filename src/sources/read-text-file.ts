// Reads a small text file defensively: no blocking on FIFOs, no binaries, a size cap, symlink loops reported.
import { closeSync, fstatSync, openSync, readSync, constants } from 'node:fs';

export const MAX_ENV_FILE_BYTES = 8 * 1024 * 1024;

export type TextFileResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export function readTextFile(path: string, maxBytes = MAX_ENV_FILE_BYTES): TextFileResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    const data = bytes.subarray(0, offset);
    if (data.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary content (NUL bytes)' };
    return { ok: true, bytes: data };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ? `cannot be read (${code})` : 'cannot be read';
  }
}
