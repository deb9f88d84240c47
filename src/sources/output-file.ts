// Files the user names for keydoctor to write (--output, --write-baseline, --log): only regular files, so a FIFO or a
// device cannot block keydoctor forever, and the refusal says why.
import { statSync } from 'node:fs';
import { KeydoctorError } from '../core/errors.js';

/** Throws KD_ERR_FILE when `path` exists and is not a regular file; a missing file is fine (it will be created). */
export function assertWritableFile(path: string, what: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new KeydoctorError('KD_ERR_FILE', `cannot write ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  if (stat.isFile()) return;
  const kind = stat.isFIFO() ? 'a FIFO' : stat.isDirectory() ? 'a folder' : stat.isSocket() ? 'a socket' : 'a device';
  throw new KeydoctorError('KD_ERR_FILE', `${what} ${path} is ${kind}, not a regular file; name a file to write.`);
}
