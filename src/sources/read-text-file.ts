// Reads a small text file defensively: no blocking on FIFOs, no binaries, a size cap, symlink loops reported.
import { closeSync, fstatSync, openSync, readSync, constants, type Stats } from 'node:fs';

export const MAX_ENV_FILE_BYTES = 8 * 1024 * 1024;

export type TextFileResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export function readTextFile(path: string, maxBytes = MAX_ENV_FILE_BYTES): TextFileResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: describeNonFile(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    const data = bytes.subarray(0, offset);
    const utf16 = utf16Kind(data);
    // Windows PowerShell 5's `>` and Notepad's "Unicode" write UTF-16; dotenv reads UTF-8 and finds nothing in it.
    if (utf16) return { ok: false, reason: `encoded as ${utf16}, and dotenv reads UTF-8` };
    if (data.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not a text file' };
    return { ok: true, bytes: data };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

/** `UTF-16LE` / `UTF-16BE` when the bytes start with that BOM or look like ASCII text with a NUL after each letter. */
export function utf16Kind(data: Buffer): string | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return 'UTF-16LE';
  if (data[0] === 0xfe && data[1] === 0xff) return 'UTF-16BE';
  const head = data.subarray(0, 64 - (Math.min(data.length, 64) % 2));
  if (head.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = head.length / 2;
  if (oddNul === half && evenNul === 0) return 'UTF-16LE';
  if (evenNul === half && oddNul === 0) return 'UTF-16BE';
  return undefined;
}

function describeNonFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe (FIFO), not a regular file';
  if (stat.isSocket()) return 'a socket, not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
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
      return 'a symlink loop';
    case 'EISDIR':
      return 'a folder, not a file';
    default:
      return code ? `cannot be read (${code})` : 'cannot be read';
  }
}
