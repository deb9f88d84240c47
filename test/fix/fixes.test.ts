// Each fix keydoctor fix knows, on a temp copy of a small project: the masked diff (nothing written), the exact bytes
// after --write (every other byte and file unchanged), and a second run that no longer reports the problem.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXABLE_PROBLEMS } from '../../src/checks/registry.js';
import { KEY, assertFiles, assertNoKey, fix, git, project, remove, snapshot, type Files } from './helpers.js';

/** A Node app that loads .env with dotenv and sends the PAT to Clarifai's core API. */
const NODE_APP = `require('dotenv').config();

const PAT = process.env.CLARIFAI_PAT;

async function tag(url) {
  const res = await fetch('https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs', {
    method: 'POST',
    headers: { Authorization: \`Key \${PAT}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ inputs: [{ data: { image: { url } } }] }),
  });
  return res.json();
}

module.exports = { tag };
`;

const PYTHON_APP = `import os

from dotenv import load_dotenv
from clarifai.client.model import Model

load_dotenv()

model = Model(
    url="https://clarifai.com/clarifai/main/models/general-image-recognition",
    pat=os.environ.get("CLARIFAI_PAT"),
)
`;

const RUN_SH = `#!/usr/bin/env bash
# Starts the tagger with the settings in .env.
set -euo pipefail
cd "$(dirname "$0")"
set -a
. ./.env
set +a
exec python3 tag.py "$@"
`;

const TAG_PY = `import os
import sys

from clarifai.client.model import Model

model = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])
for url in sys.argv[1:]:
    print(url, [c.name for c in model.predict_by_url(url, input_type="image").outputs[0].data.concepts])
`;

interface Case {
  problem: string;
  name: string;
  files: Files;
  /** Set up after writing the files (a git repository). */
  setup?: (dir: string) => void;
  args?: string[];
  /** Patterns the preview diff must show. */
  diff: RegExp[];
  /** The files --write changes, with their exact bytes after. */
  after: Files;
  /** Checked after --write (git state). */
  verify?: (dir: string, output: string) => void;
}

const CASES: Case[] = [
  {
    problem: 'key/whitespace',
    name: 'a space before the closing quote',
    files: { '.env': `# Clarifai\nCLARIFAI_PAT="${KEY} "\nCLARIFAI_USER_ID=clarifai\n`, 'index.js': NODE_APP },
    diff: [/^-CLARIFAI_PAT="3f9a…00␠" \(35 chars\)$/mu, /^\+CLARIFAI_PAT="3f9a…00" \(34 chars\)$/mu, /^ CLARIFAI_USER_ID=clarifai$/mu],
    after: { '.env': `# Clarifai\nCLARIFAI_PAT="${KEY}"\nCLARIFAI_USER_ID=clarifai\n` },
  },
  {
    problem: 'key/invisible-character',
    name: 'a zero-width space inside the key, in a CRLF file without a final newline',
    files: { '.env': `CLARIFAI_USER_ID=clarifai\r\nCLARIFAI_PAT=${KEY.slice(0, 16)}\u200B${KEY.slice(16)}\r\nCLARIFAI_APP_ID=main`, 'index.js': NODE_APP },
    diff: [/^-CLARIFAI_PAT=3f9a…00 \(33 chars\)␍$/mu, /^\+CLARIFAI_PAT=3f9a…00 \(32 chars\)␍$/mu],
    after: { '.env': `CLARIFAI_USER_ID=clarifai\r\nCLARIFAI_PAT=${KEY}\r\nCLARIFAI_APP_ID=main` },
  },
  {
    problem: 'key/wrapping-quotes',
    name: 'curly quotes pasted from a document',
    files: { '.env': `CLARIFAI_PAT=“${KEY}”\n`, 'index.js': NODE_APP },
    diff: [/^-CLARIFAI_PAT=.*“.*3f9a…00.*”.*\(34 chars\)$/mu, /^\+CLARIFAI_PAT=3f9a…00 \(32 chars\)$/mu],
    after: { '.env': `CLARIFAI_PAT=${KEY}\n` },
  },
  {
    problem: 'key/scheme-prefix',
    name: '"Key " copied from a curl command, with an export and a comment',
    files: { '.env': `export CLARIFAI_PAT=Key ${KEY}   # from the curl example\n`, 'index.js': NODE_APP },
    diff: [/^-export CLARIFAI_PAT=Key␠3f9a…00 \(36 chars\)   # from the curl example$/mu, /^\+export CLARIFAI_PAT=3f9a…00 \(32 chars\)   # from the curl example$/mu],
    after: { '.env': `export CLARIFAI_PAT=${KEY}   # from the curl example\n` },
  },
  {
    problem: 'env/bom-first-name',
    name: 'a BOM that python-dotenv reads into the first name',
    files: { '.env': `\uFEFFCLARIFAI_PAT=${KEY}\nCLARIFAI_USER_ID=clarifai\n`, 'app.py': PYTHON_APP, 'requirements.txt': 'clarifai==11.1.0\npython-dotenv==1.0.1\n' },
    diff: [/^-<BOM>CLARIFAI_PAT=3f9a…00 \(32 chars\)$/mu, /^\+CLARIFAI_PAT=3f9a…00 \(32 chars\)$/mu],
    after: { '.env': `CLARIFAI_PAT=${KEY}\nCLARIFAI_USER_ID=clarifai\n` },
  },
  {
    problem: 'env/sourced-crlf',
    name: 'a CRLF .env sourced by run.sh',
    files: { '.env': `CLARIFAI_PAT=${KEY}\r\nCLARIFAI_USER_ID=clarifai\r\n`, 'run.sh': RUN_SH, 'tag.py': TAG_PY },
    diff: [/^-CLARIFAI_PAT=3f9a…00 \(32 chars\)␍$/mu, /^\+CLARIFAI_PAT=3f9a…00 \(32 chars\)$/mu, /^-CLARIFAI_USER_ID=clarifai␍$/mu, /^\+CLARIFAI_USER_ID=clarifai$/mu],
    after: { '.env': `CLARIFAI_PAT=${KEY}\nCLARIFAI_USER_ID=clarifai\n` },
  },
  {
    problem: 'env/near-miss-name',
    name: 'CLARIFIAI_PAT in .env while the code reads CLARIFAI_PAT',
    files: { '.env': `CLARIFAI_USER_ID=clarifai\nCLARIFIAI_PAT=${KEY}\n`, 'index.js': NODE_APP },
    diff: [/^-CLARIFIAI_PAT=3f9a…00 \(32 chars\)$/mu, /^\+CLARIFAI_PAT=3f9a…00 \(32 chars\)$/mu],
    after: { '.env': `CLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT=${KEY}\n` },
  },
  {
    problem: 'env/code-near-miss',
    name: 'the code reads CLARIFIAI_PAT while .env, the docs and the other module use CLARIFAI_PAT',
    files: {
      '.env': `CLARIFAI_PAT=${KEY}\n`,
      'README.md': '# Tagger\n\nSet your token first:\n\n```sh\nexport CLARIFAI_PAT=your_pat_here\n```\n',
      'tag.py': 'import os\n\nfrom dotenv import load_dotenv\nfrom clarifai.client.model import Model\n\nload_dotenv()\nmodel = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFIAI_PAT"])\n',
      'check_env.py': 'import os\n\nif not os.getenv("CLARIFAI_PAT"):\n    raise SystemExit("CLARIFAI_PAT is not set")\n',
    },
    diff: [/^--- a\/tag\.py$/mu, /^-model = .*os\.environ\["CLARIFIAI_PAT"\]\)$/mu, /^\+model = .*os\.environ\["CLARIFAI_PAT"\]\)$/mu],
    after: { 'tag.py': 'import os\n\nfrom dotenv import load_dotenv\nfrom clarifai.client.model import Model\n\nload_dotenv()\nmodel = Model("https://clarifai.com/clarifai/main/models/general-image-recognition", pat=os.environ["CLARIFAI_PAT"])\n' },
  },
  {
    problem: 'headers/scheme-format',
    name: "'Key' + PAT, with no space (JavaScript, CRLF kept elsewhere)",
    files: { '.env': `CLARIFAI_PAT=${KEY}\n`, 'index.js': NODE_APP.replace('`Key \${PAT}`', "'Key' + PAT").replace(/\n/gu, '\r\n') },
    diff: [/^-    headers: \{ Authorization: 'Key' \+ PAT, /mu, /^\+    headers: \{ Authorization: 'Key ' \+ PAT, /mu],
    after: { 'index.js': NODE_APP.replace('`Key \${PAT}`', "'Key ' + PAT").replace(/\n/gu, '\r\n') },
  },
  {
    problem: 'headers/scheme-format',
    name: 'a lowercase key in a Python f-string',
    files: {
      '.env': `CLARIFAI_PAT=${KEY}\n`,
      'predict.py': 'import os\n\nimport requests\n\nPAT = os.environ["CLARIFAI_PAT"]\nURL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"\n\nresp = requests.post(URL, headers={"Authorization": f"key {PAT}"}, json={"inputs": []})\n',
    },
    diff: [/^-resp = .*f"key \{PAT\}"/mu, /^\+resp = .*f"Key \{PAT\}"/mu],
    after: { 'predict.py': 'import os\n\nimport requests\n\nPAT = os.environ["CLARIFAI_PAT"]\nURL = "https://api.clarifai.com/v2/users/clarifai/apps/main/models/general-image-recognition/outputs"\n\nresp = requests.post(URL, headers={"Authorization": f"Key {PAT}"}, json={"inputs": []})\n' },
  },
  {
    problem: 'headers/missing-scheme',
    name: 'the bare PAT in a template literal',
    files: { '.env': `CLARIFAI_PAT=${KEY}\n`, 'index.js': NODE_APP.replace('`Key \${PAT}`', '`\${PAT}`') },
    diff: [/^-    headers: \{ Authorization: `\$\{PAT\}`/mu, /^\+    headers: \{ Authorization: `Key \$\{PAT\}`/mu],
    after: { 'index.js': NODE_APP },
  },
  {
    problem: 'headers/bearer-on-core-api',
    name: 'Bearer sent to /v2/…/outputs',
    files: { '.env': `CLARIFAI_PAT=${KEY}\n`, 'index.js': NODE_APP.replace('`Key \${PAT}`', '`Bearer \${PAT}`') },
    diff: [/^-    headers: \{ Authorization: `Bearer \$\{PAT\}`/mu, /^\+    headers: \{ Authorization: `Key \$\{PAT\}`/mu],
    after: { 'index.js': NODE_APP },
  },
  {
    problem: 'exposure/env-file-committed',
    name: 'a committed .env: ignored and untracked (with --yes), the key to be rotated',
    files: { '.env': `CLARIFAI_PAT=${KEY}\n`, '.gitignore': 'node_modules', 'index.js': NODE_APP },
    setup: (dir) => {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'first');
    },
    args: ['--yes'],
    diff: [/^ node_modules$/mu, /^\+\/\.env$/mu, /git rm --cached -- \.env/u],
    after: { '.gitignore': 'node_modules\n/.env\n' },
    verify: (dir, output) => {
      assert.equal(git(dir, 'ls-files', '--', '.env'), '', '.env is no longer tracked');
      assert.match(git(dir, 'log', '--oneline'), /first/u, 'history is not rewritten');
      assert.match(output, /rotate it/u);
    },
  },
  {
    problem: 'exposure/env-file-committed',
    name: 'a .env git does not ignore: a new .gitignore',
    files: { '.env': `CLARIFAI_PAT=${KEY}\n`, 'index.js': NODE_APP },
    setup: (dir) => {
      git(dir, 'init', '-q');
      git(dir, 'add', 'index.js');
      git(dir, 'commit', '-q', '-m', 'first');
    },
    diff: [/^--- \/dev\/null$/mu, /^\+\/\.env$/mu],
    after: { '.gitignore': '/.env\n' },
  },
];

describe('keydoctor fix, one project per fix', () => {
  test('every problem the registry marks fixable has a case here, and only those', () => {
    assert.deepEqual([...new Set(CASES.map((c) => c.problem))].sort(), [...FIXABLE_PROBLEMS].sort());
  });

  for (const c of CASES) {
    test(`${c.problem}: ${c.name}`, async () => {
      const dir = project(c.files);
      try {
        c.setup?.(dir);
        if (c.files['.env']) chmodSync(join(dir, '.env'), 0o600);
        const before = snapshot(dir);
        const preview = await fix(dir, ['--only', c.problem]);
        assert.equal(preview.code, 1, preview.stdout + preview.stderr);
        assert.match(preview.stdout, new RegExp(`• (?:\\(needs consent\\) )?${c.problem.replace('/', '\\/')}`, 'u'));
        for (const p of c.diff) assert.match(preview.stdout, p);
        assertFiles(dir, before);
        // JSON: the Result envelope with the fix data under "fix".
        const json = await fix(dir, ['--json']);
        const envelope = JSON.parse(json.stdout);
        assert.equal(envelope.command, 'fix');
        assert.ok(envelope.fix.fixes.some((f: { id: string; status: string }) => f.id === c.problem && f.status === 'planned'));
        assert.ok(envelope.findings.some((f: { id: string; autofix?: unknown }) => f.id === c.problem && f.autofix));
        assertFiles(dir, before);

        const written = await fix(dir, ['--write', ...(c.args ?? [])]);
        assert.notEqual(written.code, 2, written.stdout + written.stderr);
        assert.match(written.stdout, new RegExp(`Fixed: ${c.problem.replace('/', '\\/')}`, 'u'), written.stdout);
        assertFiles(dir, before, c.after);
        if (c.files['.env'] && !c.after['.env']) assert.equal(statSync(join(dir, '.env')).mode & 0o777, 0o600);
        if (c.after['.env']) assert.equal(statSync(join(dir, '.env')).mode & 0o777, 0o600, 'the file keeps its mode');
        c.verify?.(dir, written.stdout);

        const again = await fix(dir, ['--json']);
        const second = JSON.parse(again.stdout);
        assert.ok(!second.findings.some((f: { id: string }) => f.id === c.problem), `${c.problem} still reported: ${again.stdout}`);
        assertNoKey(preview.stdout, preview.stderr, json.stdout, written.stdout, written.stderr, again.stdout);
      } finally {
        remove(dir);
      }
    });
  }
});

describe('keydoctor fix options', () => {
  const files = { '.env': `\uFEFFCLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${KEY} "\n`, 'app.py': PYTHON_APP };

  test('--only applies the named problem and leaves the other fix for later', async () => {
    const dir = project(files);
    try {
      const before = snapshot(dir);
      const all = await fix(dir, ['--json']);
      const ids = JSON.parse(all.stdout).fix.fixes.map((f: { id: string }) => f.id).sort();
      assert.deepEqual(ids, ['env/bom-first-name', 'key/whitespace']);
      const r = await fix(dir, ['--write', '--only', 'key/whitespace']);
      assert.equal(r.code, 1, 'the BOM is still there to fix');
      assertFiles(dir, before, { '.env': `\uFEFFCLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${KEY}"\n` });
      const rest = await fix(dir, ['--write']);
      assertFiles(dir, before, { '.env': `CLARIFAI_USER_ID=clarifai\nCLARIFAI_PAT="${KEY}"\n` });
      assert.match(rest.stdout, /Fixed: env\/bom-first-name/u);
      assertNoKey(all.stdout, r.stdout, rest.stdout);
    } finally {
      remove(dir);
    }
  });

  test('--only with an unknown or unfixable id is a usage error', async () => {
    const dir = project(files);
    try {
      const unknown = await fix(dir, ['--only', 'key/nope']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /KD_ERR_USAGE/u);
      const advice = await fix(dir, ['--only', 'env/shadowed']);
      assert.equal(advice.code, 2);
      assert.match(advice.stderr, /no fix for env\/shadowed/u);
    } finally {
      remove(dir);
    }
  });

  test('--write without a terminal skips a fix not marked safe unless --yes', async () => {
    const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\n`, '.gitignore': 'node_modules\n', 'index.js': NODE_APP });
    try {
      git(dir, 'init', '-q');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'first');
      const before = snapshot(dir);
      const r = await fix(dir, ['--write']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /skipped exposure\/env-file-committed[^\n]*\n\s+not marked safe/u);
      assertFiles(dir, before);
      assert.equal(git(dir, 'ls-files', '--', '.env'), '.env\n');
    } finally {
      remove(dir);
    }
  });

  test('nothing to fix exits 0 and changes nothing', async () => {
    const dir = project({ '.env': `CLARIFAI_PAT=${KEY}\nCLARIFAI_USER_ID=clarifai\n`, 'index.js': NODE_APP });
    try {
      const before = snapshot(dir);
      const r = await fix(dir, ['--write']);
      assert.equal(r.code, 0, r.stdout);
      assert.match(r.stdout, /Nothing to fix/u);
      assertFiles(dir, before);
    } finally {
      remove(dir);
    }
  });
});
