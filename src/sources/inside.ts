// Whether a symlink inside the project leads out of it: the folder is untrusted, and a link to ~/.bash_history is not its file.
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** True when `path` is a symlink whose real target is not under the real `root` (a link within the project is fine). */
export function symlinkLeaves(path: string, root: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
    const rel = relative(realpathSync(root), realpathSync(path));
    return rel === '..' || rel.startsWith(`..${'/'}`) || rel.startsWith('..\\') || isAbsolute(rel);
  } catch {
    // A broken link or a loop: whoever reads it reports that.
    return false;
  }
}

export const OUTSIDE_REASON = 'a symlink to a file outside the project folder (not read)';
