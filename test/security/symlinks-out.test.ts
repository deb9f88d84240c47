// Issue #16 item 12: a symlink in the scanned folder that leads out of it is not read (scan, env, check): no foreign
// line reaches text, JSON or SARIF. A link that stays inside the project is read as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const FOREIGN_KEY = '9d4c2b7a1e6f3d8c5b0a9e4f7c2d0000';
const INSIDE_KEY = 'a7c3e9b1d5f2a8c4e6b0d2f4a6c80000';
const FOREIGN_LINE = `curl -H "Authorization: Key ${FOREIGN_KEY}" https://api.clarifai.com/v2/users/me # from the home folder`;

test('links out of the project (to a shell history, to another .env) are skipped with a reason; links inside are read', async () => {
  const base = mkdtempSync(join(tmpdir(), 'kd-symlink-out-'));
  try {
    const home = join(base, 'home');
    const dir = join(base, 'project');
    mkdirSync(home);
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    writeFileSync(join(home, '.bash_history'), `ls\n${FOREIGN_LINE}\nexport CLARIFAI_PAT=${FOREIGN_KEY}\n`);
    writeFileSync(join(home, 'secrets.env'), `CLARIFAI_PAT=${FOREIGN_KEY}\nbroken line from elsewhere\n`);
    symlinkSync(join(home, '.bash_history'), join(dir, 'scripts', 'history.sh'));
    symlinkSync(join('..', 'home', 'secrets.env'), join(dir, '.env'));
    // Inside the project: a real file and a link to it, both read.
    writeFileSync(join(dir, 'scripts', 'real.sh'), `curl -H "Authorization: Key ${INSIDE_KEY}" https://api.clarifai.com/v2/users/me\n`);
    symlinkSync('real.sh', join(dir, 'scripts', 'link.sh'));

    const runs = [['scan', dir], ['scan', dir, '--json'], ['scan', dir, '--format', 'sarif'], ['env', dir], ['check', '--offline', dir], ['check', '--offline', dir, '--json']];
    for (const argv of runs) {
      const r = await runCli(argv, { env: { PATH: process.env.PATH } });
      const out = r.stdout + r.stderr;
      assert.ok(r.code === 0 || r.code === 1, `${argv.join(' ')}: exit ${r.code}\n${r.stderr}`);
      assert.doesNotMatch(out, /from the home folder|broken line from elsewhere/u, `${argv.join(' ')}: a line of a file outside the project is shown`);
      assert.ok(!out.includes(FOREIGN_KEY.slice(0, 8)), `${argv.join(' ')}: the foreign key is shown`);
    }
    const scan = await runCli(['scan', dir], { env: { PATH: process.env.PATH } });
    assert.match(scan.stdout, /scripts\/link\.sh/u, 'the link inside the project was not read');
    const env = await runCli(['env', dir], { env: { PATH: process.env.PATH } });
    assert.match(env.stdout + env.stderr, /outside the project folder/u, 'the skipped .env is not explained');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
