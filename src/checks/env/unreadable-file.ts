// Reports a .env file keydoctor and dotenv cannot read: binary, UTF-16, too big, no permission, a FIFO, a symlink loop.
import { defineCheck, finding, type CheckMeta } from '../../types/check.js';
import type { EnvFile } from '../../types/evidence.js';
import { shellQuote } from './lib/env.js';

const meta: CheckMeta = {
  id: 'env/unreadable-file',
  category: 'env',
  severity: 'warning',
  title: 'Unreadable .env file',
  description:
    'A .env file exists but cannot be read as text: it is binary, saved as UTF-16, too large, not readable by this user, a named pipe, a folder or a symlink loop. dotenv loads nothing from it.',
};

function fixFor(file: EnvFile): string {
  const name = shellQuote(file.display);
  const reason = file.unreadable ?? '';
  if (reason.includes('UTF-16')) return `Save ${file.display} as UTF-8: in PowerShell, Get-Content ${name} | Set-Content -Encoding utf8 ${name}.new, then rename it; or re-save it as UTF-8 in your editor.`;
  if (reason.startsWith('permission')) return `Make it readable by the user that runs the app: chmod u+r ${name} (check the owner with ls -l ${name}).`;
  if (reason.includes('symlink')) return `Fix or remove the link: ls -l ${name} shows where it points; replace it with a real file.`;
  if (reason.startsWith('larger') || reason.startsWith('binary')) return `${file.display} is not a dotenv file: move it away and create a text .env with lines NAME=value.`;
  if (reason.includes('folder')) return `Rename the folder (a Python virtualenv is usually called .venv) so a .env file can exist there.`;
  if (reason.includes('pipe') || reason.includes('socket') || reason.includes('device')) return `Write the variables to a regular file and point the app (and keydoctor --env-file) at it.`;
  return `Check that ${file.display} is a readable text file: ls -l ${name}.`;
}

export const check = defineCheck({
  meta,
  requires: ['env'],
  run({ evidence }) {
    return evidence.env.files.flatMap((file) => {
      if (!file.unreadable) return [];
      // A folder named .env is usually a virtualenv: worth a note, not a warning.
      const severity = file.loaded && !file.unreadable.includes('folder') ? 'warning' : 'info';
      const effect = file.loaded ? 'dotenv loads nothing from it' : 'it is not loaded anyway';
      return [
        finding(meta, {
          severity,
          message: `${file.display} cannot be read: ${file.unreadable}; ${effect}.`,
          fix: fixFor(file),
          location: { file: file.display },
        }),
      ];
    });
  },
});
