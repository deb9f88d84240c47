// The credential tracer: which value the code sends, followed through assignments, imports and exports to its origin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { gatherCodeEvidence } from '../../../src/scan/index.js';
import type { CodeEvidence, CredentialUse } from '../../../src/types/code-evidence.js';
import { FAKE_KEY, tree } from '../helpers.js';

async function scan(files: Record<string, string>): Promise<CodeEvidence> {
  const root = tree(files);
  try {
    return await gatherCodeEvidence(root, { workers: 0 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** `[file:line, sink, origin]` for each use, origin as `env:A|B`, `literal`, `store`, `unknown`. */
function summary(uses: readonly CredentialUse[] | undefined): string[] {
  return (uses ?? []).map((u) => {
    const o = u.origin;
    const origin = o.kind === 'env' ? `env:${o.names.join('|')}` : o.kind;
    return `${u.file}:${u.line} ${u.sink} ${origin}`;
  });
}

async function traced(files: Record<string, string>): Promise<string[]> {
  return summary((await scan(files)).credentials);
}

const URL = "'https://api.clarifai.com/v2/models/general-image-recognition/outputs'";

describe('JavaScript: imports and exports', () => {
  test('a named export of a config module', async () => {
    assert.deepEqual(
      await traced({
        'src/config.js': 'export const CLARIFAI_KEY = process.env.MY_KEY;\n',
        'src/api.js': `import { CLARIFAI_KEY } from './config';\nfetch(${URL}, { headers: { Authorization: 'Key ' + CLARIFAI_KEY } });\n`,
      }),
      ['src/api.js:2 http-header env:MY_KEY'],
    );
  });

  test('a default-exported object, a namespace import, and a renamed import', async () => {
    assert.deepEqual(
      await traced({
        'cfg.ts': 'export default { clarifai: { pat: process.env.A } };\nexport const B_KEY = process.env.B;\n',
        'one.ts': `import cfg from './cfg.js';\nexport const h = { Authorization: \`Key \${cfg.clarifai.pat}\` };\nfetch(${URL});\n`,
        'two.ts': `import * as all from './cfg';\nimport { B_KEY as k } from './cfg';\nexport const h = { Authorization: 'Key ' + all.B_KEY };\nexport const g = { Authorization: 'Key ' + k };\nfetch(${URL});\n`,
      }),
      ['one.ts:2 http-header env:A', 'two.ts:3 http-header env:B', 'two.ts:4 http-header env:B'],
    );
  });

  test('CommonJS: module.exports objects, exports.X, require destructuring and require(…).X', async () => {
    assert.deepEqual(
      await traced({
        'lib/a.js': "module.exports = { PAT: process.env.CLARIFAI_PAT, other: 1 };\n",
        'lib/b.js': 'exports.KEY = process.env.OTHER_KEY;\n',
        'index.js':
          "const { PAT } = require('./lib/a');\nconst KEY = require('./lib/b').KEY;\n" +
          `fetch(${URL}, { headers: { Authorization: 'Key ' + PAT } });\nfetch(${URL}, { headers: { Authorization: 'Key ' + KEY } });\n`,
      }),
      ['index.js:3 http-header env:CLARIFAI_PAT', 'index.js:4 http-header env:OTHER_KEY'],
    );
  });

  test('re-exports and the @/ alias', async () => {
    assert.deepEqual(
      await traced({
        'src/env.ts': 'export const pat = import.meta.env.VITE_CLARIFAI_PAT;\n',
        'src/index.ts': "export { pat } from './env';\n",
        'src/lib/call.ts': `import { pat } from '@/index';\nexport const h = { Authorization: \`Key \${pat}\` };\nfetch(${URL});\n`,
      }),
      ['src/lib/call.ts:2 http-header env:VITE_CLARIFAI_PAT'],
    );
  });

  test('class fields, alternatives and destructured env', async () => {
    assert.deepEqual(
      await traced({
        'client.js':
          "const { CLARIFAI_PAT: token } = process.env;\n" +
          'class Client {\n  apiKey = process.env.A_KEY || process.env.CLARIFAI_PAT;\n' +
          `  call() { return fetch(${URL}, { headers: { Authorization: 'Key ' + this.apiKey } }); }\n}\n` +
          `fetch(${URL}, { headers: { Authorization: \`Key \${token}\` } });\n`,
      }),
      ['client.js:4 http-header env:A_KEY|CLARIFAI_PAT', 'client.js:6 http-header env:CLARIFAI_PAT'],
    );
  });

  test('SDK arguments: clarifai-nodejs authConfig.pat, clarifai 2.x apiKey, an OpenAI client pointed at Clarifai', async () => {
    assert.deepEqual(
      await traced({
        'a.js':
          "import { Model, User } from 'clarifai-nodejs';\n" +
          "const m = new Model({ url: 'https://clarifai.com/clarifai/main/models/x', authConfig: { pat: process.env.PAT_A, userId: 'clarifai', appId: 'main' } });\n" +
          "const u = new User({ userId: 'me', appId: 'a' });\n" +
          'const cfg = makeAuth();\nconst v = new User({ authConfig: cfg });\n',
        'b.js': "const Clarifai = require('clarifai');\nconst app = new Clarifai.App({ apiKey: process.env.KEY_B });\nconst old = new Clarifai.App(process.env.KEY_C);\n",
        'c.ts': "import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.clarifai.com/v2/ext/openai/v1', apiKey: process.env.CLARIFAI_PAT });\n",
        'd.ts': "import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // clarifai elsewhere\n",
      }),
      [
        'a.js:2 sdk-argument env:PAT_A',
        'a.js:3 sdk-default env:CLARIFAI_PAT',
        'b.js:2 sdk-argument env:KEY_B',
        'b.js:3 sdk-argument env:KEY_C',
        'c.ts:2 sdk-argument env:CLARIFAI_PAT',
      ],
    );
  });

  test('not a credential sent: TypeScript types, parameter patterns, ternaries', async () => {
    assert.deepEqual(
      await traced({
        'types.ts': "// clarifai\nexport interface Auth { pat: string; apiKey?: string }\nexport type T = { pat: string | undefined };\n",
        'params.tsx': "// clarifai\nexport const C = ({ pat }: { pat: string }) => null;\nexport function f({ pat }) { return pat; }\n",
        'ternary.js': "// clarifai\nconst x = ok ? pat : other;\n",
      }),
      [],
    );
  });
});

describe('Python: imports, classes, settings', () => {
  test('from config import X, import config, relative and package imports', async () => {
    assert.deepEqual(
      await traced({
        'config.py': 'import os\nPAT = os.getenv("A_PAT")\n',
        'app/__init__.py': '',
        'app/settings.py': 'import os\nKEY = os.environ["B_KEY"]\n',
        'app/one.py': 'from clarifai.client.model import Model\nfrom .settings import KEY\nm = Model(url="u", pat=KEY)\n',
        'app/two.py': 'from clarifai.client.model import Model\nfrom app import settings\nm = Model(url="u", pat=settings.KEY)\n',
        'main.py': 'from clarifai.client.model import Model\nimport config\nfrom config import PAT as P\nModel(url="u", pat=config.PAT)\nModel(url="u", pat=P)\n',
      }),
      ['app/one.py:3 sdk-argument env:B_KEY', 'app/two.py:3 sdk-argument env:B_KEY', 'main.py:4 sdk-argument env:A_PAT', 'main.py:5 sdk-argument env:A_PAT'],
    );
  });

  test('pydantic settings, self attributes, dict configs, alternatives, Django settings', async () => {
    assert.deepEqual(
      await traced({
        'core/config.py': 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    clarifai_pat: str\n    debug: bool = False\n\nsettings = Settings()\n',
        'svc.py':
          'import os\nfrom clarifai.client.user import User\nfrom core.config import settings\n\n' +
          'class Svc:\n    def __init__(self):\n        self.pat = os.environ.get("X_PAT") or os.environ.get("CLARIFAI_PAT")\n\n' +
          '    def apps(self):\n        return User(user_id="me", pat=self.pat).list_apps()\n\n' +
          'CONFIG = {"pat": os.getenv("DICT_PAT")}\nUser(user_id="me", pat=CONFIG["pat"])\nUser(user_id="me", pat=settings.clarifai_pat)\n',
        'proj/settings.py': 'import environ\nenv = environ.Env()\nCLARIFAI_PAT = env("DJ_PAT")\n',
        'views.py': 'from django.conf import settings\nfrom clarifai.client.model import Model\nModel(url="u", pat=settings.CLARIFAI_PAT)\n',
      }),
      ['svc.py:10 sdk-argument env:X_PAT|CLARIFAI_PAT', 'svc.py:13 sdk-argument env:DICT_PAT', 'svc.py:14 sdk-argument env:CLARIFAI_PAT', 'views.py:3 sdk-argument env:DJ_PAT'],
    );
  });

  test('SDK clients with no pat read CLARIFAI_PAT themselves; **kwargs and token= are not that', async () => {
    assert.deepEqual(
      await traced({
        'a.py':
          'from clarifai.client.model import Model\nfrom clarifai.client import User, Workflow\nfrom clarifai.client.auth.helper import ClarifaiAuthHelper\n' +
          'Model("https://clarifai.com/clarifai/main/models/x")\nUser(user_id="me")\nWorkflow(**opts)\nUser(user_id="me", token=t)\nauth = ClarifaiAuthHelper.from_env()\n',
        'b.py': 'from langchain_community.llms import Clarifai, OpenAI\nllm = Clarifai(user_id="openai", app_id="chat-completion", model_id="GPT-4")\nother = OpenAI()\n',
      }),
      ['a.py:4 sdk-default env:CLARIFAI_PAT', 'a.py:5 sdk-default env:CLARIFAI_PAT', 'a.py:8 sdk-default env:CLARIFAI_PAT', 'b.py:2 sdk-default env:CLARIFAI_PAT'],
    );
  });

  test('a variable the code sets itself, a secrets store, a parameter, and what is not a call', async () => {
    const e = await scan({
      'snippet.py': `import os\nfrom clarifai.client import Model\nos.environ["CLARIFAI_PAT"] = "YOUR_PAT_HERE"\nModel(url="u")\n`,
      'conftest.py': 'import os\nos.environ["CLARIFAI_PAT"] = "test"\n',
      'st_app.py': 'import streamlit as st\nfrom clarifai.client.model import Model\nModel(url="u", pat=st.secrets["CLARIFAI_PAT"])\n',
      'fn.py':
        'from clarifai.client.model import Model\n\ndef predict(url, pat=None):\n    m = Model(\n        url=url,\n        pat=pat,\n    )\n    return m\n\nModel(url="u", pat=None)\n',
      'uses.py': 'from clarifai.client.model import Model\nfrom snippet import *\nModel(url="u")\n',
    });
    assert.deepEqual(summary(e.credentials), [
      'fn.py:6 sdk-argument unknown',
      'snippet.py:4 sdk-default literal',
      'st_app.py:3 sdk-argument store',
      'uses.py:3 sdk-default env:CLARIFAI_PAT',
    ]);
    const literal = e.credentials!.find((c) => c.origin.kind === 'literal')!;
    assert.deepEqual(literal.trace.map((t) => `${t.file}:${t.line}`), ['snippet.py:3']);
  });

  test("shell scripts and notebook `!curl` lines send the variable they name; single quotes send the text", async () => {
    const nb = {
      cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: ['!curl -H "Authorization: Key $NB_KEY" https://api.clarifai.com/v2/models\n'] }],
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    assert.deepEqual(
      await traced({
        'run.sh': '#!/bin/sh\ncurl -H "Authorization: Key $SH_KEY" https://api.clarifai.com/v2/models\ncurl -H \'Authorization: Key $NOT_EXPANDED\' https://api.clarifai.com/v2/models\n',
        'n.ipynb': JSON.stringify(nb),
        'README.md': '```bash\ncurl -H "Authorization: Key $DOC_KEY" https://api.clarifai.com/v2/models\n```\n',
        'Dockerfile': 'FROM alpine\nRUN curl -H "Authorization: Key $BUILD_KEY" https://api.clarifai.com/v2/models\n',
      }),
      ['n.ipynb:1 http-header env:NB_KEY', 'run.sh:2 http-header env:SH_KEY'],
    );
  });

  test('a notebook is one namespace across its cells', async () => {
    const nb = {
      cells: [
        { cell_type: 'code', metadata: {}, outputs: [], source: ['import os\n', "PAT = os.environ['NB_PAT']\n"] },
        { cell_type: 'markdown', metadata: {}, source: ['Predict'] },
        { cell_type: 'code', metadata: {}, outputs: [], source: ['from clarifai.client.model import Model\n', "m = Model(url='u', pat=PAT)\n"] },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const e = await scan({ 'explore.ipynb': JSON.stringify(nb, null, 1) });
    assert.equal(e.credentials?.length, 1);
    assert.deepEqual(e.credentials![0]!.origin, { kind: 'env', names: ['NB_PAT'] });
    assert.match(e.credentials![0]!.snippet, /^\[cell 3, line 2\]/u);
  });
});

describe('prints, docs, runtimes, secrets', () => {
  test('printing the key is recorded; printing whether it is set is not', async () => {
    const e = await scan({
      'a.py':
        'import os, logging\nfrom clarifai.client.model import Model\nlog = logging.getLogger()\npat = os.environ["CLARIFAI_PAT"]\n' +
        'print(pat)\nprint(f"pat={pat}")\nlog.info("pat %s", pat)\nprint(pat[:4], len(pat), bool(pat))\nprint(f"{pat[:4]}…")\nprint("set" if pat else "unset")\nModel(url="u", pat=pat)\n',
      'b.js': "const key = process.env.CLARIFAI_PAT;\nconsole.log(key ? 'set' : 'missing', Boolean(key), key.length);\nconsole.error(`key: ${key}`);\nfetch('https://api.clarifai.com/v2/models', { headers: { Authorization: 'Key ' + key } });\n",
      'c.py': 'import os\nprint(os.environ["HOME"])\ntoken = os.environ["GITHUB_TOKEN"]\nprint(token)\n',
    });
    assert.deepEqual(
      (e.credentialLogs ?? []).map((l) => `${l.file}:${l.line} ${l.via} ${l.expression}`),
      ['a.py:5 print pat', 'a.py:6 print pat', 'a.py:7 log.info pat', 'b.js:3 console.error key'],
    );
  });

  test('what docs tell users to set: shell, PowerShell, docker, code that sets the environment; not program variables', async () => {
    const e = await scan({
      'README.md':
        '# Clarifai demo\n\n```bash\nexport CLARIFAI_PAT=xxx\n```\n\n```powershell\n$env:CLARIFAI_API_KEY = "x"\n```\n\n' +
        'Run `docker run -e CLARIFAI_SESSION_TOKEN=x app`.\n\n```python\nCLARIFAI_KEY = "not an env var"\nos.environ["CLARIFAI_TOKEN"] = "x"\n```\n\nSet CLARIFAI_USER_ID=me too.\n',
      'app.py': 'from clarifai.client.model import Model\nModel(url="u")\n',
    });
    assert.deepEqual(
      (e.documentedNames ?? []).map((d) => `${d.line} ${d.name}`),
      ['4 CLARIFAI_PAT', '8 CLARIFAI_API_KEY', '11 CLARIFAI_SESSION_TOKEN', '15 CLARIFAI_TOKEN'],
    );
    // Code blocks in Markdown are documentation: their calls are not the program's credential.
    assert.deepEqual(summary(e.credentials), ['app.py:2 sdk-default env:CLARIFAI_PAT']);
  });

  test('browser and server files', async () => {
    const e = await scan({
      'src/App.jsx': "import React from 'react';\nexport default () => null;\nconst k = process.env.REACT_APP_CLARIFAI_PAT;\n",
      'app/page.tsx': "export default function Page() { return fetch('https://api.clarifai.com/v2/models', { headers: { Authorization: 'Key ' + process.env.CLARIFAI_PAT } }); }\n",
      'app/ui/Widget.tsx': "'use client';\nconst k = process.env.NEXT_PUBLIC_CLARIFAI_PAT;\n",
      'pages/api/tag.js': "import React from 'react';\nconst k = process.env.NEXT_PUBLIC_CLARIFAI_PAT;\n",
      'server.js': "const express = require('express');\nconst k = process.env.VITE_CLARIFAI_PAT;\n",
      'web/main.js': "document.querySelector('#b').addEventListener('click', () => {});\nconst k = import.meta.env.VITE_CLARIFAI_PAT;\n",
    });
    assert.deepEqual(
      (e.runtimes ?? []).map((r) => `${r.file} ${r.runtime}`),
      ['app/page.tsx server', 'app/ui/Widget.tsx browser', 'pages/api/tag.js server', 'server.js server', 'src/App.jsx browser', 'web/main.js browser'],
    );
  });

  test('a key written into code reaches the evidence only as a Secret', async () => {
    const e = await scan({
      'app.py': `from clarifai.client.model import Model\nPAT = '${FAKE_KEY}'\nModel(url="u", pat=PAT)\nprint(PAT)\n`,
    });
    assert.equal(e.credentials?.[0]?.origin.kind, 'literal');
    const json = JSON.stringify({ credentials: e.credentials, logs: e.credentialLogs });
    assert.ok(!json.includes(FAKE_KEY), json);
    assert.match(json, /3f9a…00 \(32 chars\)/u);
  });
});

describe('hostile input', () => {
  test('arbitrary text never throws and positions stay inside the file', async () => {
    const fc = await import('fast-check');
    const { extractText } = await import('../../../src/scan/scan-file.js');
    const { resolveCredentialFlow } = await import('../../../src/scan/credential/resolve.js');
    // Fragments of the syntax the tracer reads, so random text often looks like code worth tracing.
    const piece = fc.constantFrom(
      'const ', 'PAT', ' = ', 'process.env.', 'os.environ["', '"]', "'", '"', '`', '${', '}', '{', '(', ')', '[', ']', ',', ':', '\n',
      'pat=', 'apiKey: ', 'import ', ' from ', "'./config'", 'require(', 'export ', 'module.exports = ', 'Model(', 'print(', 'console.log(',
      'clarifai', 'Authorization: ', "'Key ' + ", 'class A:\n    ', 'self.', 'this.', '||', ' or ', '?', 'from clarifai.client.model import Model\n',
    );
    const source = fc.oneof(fc.string({ maxLength: 300 }), fc.array(piece, { maxLength: 80 }).map((a) => a.join('')));
    fc.assert(
      fc.property(source, fc.constantFrom<'js' | 'python' | 'markdown'>('js', 'python', 'markdown'), (text, kind) => {
        const facts = extractText(kind === 'js' ? 'a.js' : kind === 'python' ? 'a.py' : 'a.md', text, kind);
        if (typeof facts === 'string' || !facts.credential) return;
        const lines = text.split('\n').length;
        const flow = resolveCredentialFlow([facts.credential]);
        for (const s of [...flow.credentials, ...flow.credentialLogs, ...flow.documentedNames]) assert.ok(s.line >= 1 && s.line <= lines, JSON.stringify(s));
      }),
      { numRuns: 400 },
    );
  });

  test('deep nesting, an unterminated string, a huge line and import cycles finish with no finding and no throw', async () => {
    const e = await scan({
      'deep.js': `// clarifai\nconst PAT = ${'('.repeat(5000)}process.env.X\nfetch('https://api.clarifai.com/v2/models', { headers: { Authorization: 'Key ' + PAT } });\n`,
      'open.py': 'from clarifai.client.model import Model\nPAT = "never closed\nModel(url="u", pat=PAT)\n',
      // (A long JS line would make the file "minified" and skipped; Python files are always read.)
      'long.py': `from clarifai.client.model import Model\nimport os\nPAT = os.environ["K"]; ${'x = 1; '.repeat(100_000)}\nModel(url="u", pat=PAT)\n`,
      'a.js': "import { PAT } from './b';\nexport const KEY = PAT;\nfetch('https://api.clarifai.com/v2/models', { headers: { Authorization: 'Key ' + KEY } });\n",
      'b.js': "import { KEY } from './a';\nexport const PAT = KEY;\n",
    });
    const byFile = new Map((e.credentials ?? []).map((c) => [c.file, c.origin.kind]));
    assert.equal(byFile.get('a.js'), 'unknown');
    assert.equal(byFile.get('long.py'), 'env');
  });
});

describe('big files', () => {
  test('thousands of uses of one name are traced (indexes, not scans per use) and capped per file in the checks', async () => {
    const { check } = await import('../../../src/checks/exposure/code-credential-logged.js');
    const lines = 'PAT = os.environ["X_PAT"]\nModel(url="u", pat=PAT)\nprint(PAT)\n'.repeat(3000);
    const code = await scan({ 'big.py': `import os\nfrom clarifai.client.model import Model\n${lines}` });
    assert.equal(code.credentials?.length, 3000);
    assert.ok(code.credentials!.every((c) => c.origin.kind === 'env'));
    const env = { projectDir: '/', shell: {}, files: [], variables: new Map(), expected: [], gitRepo: false };
    const findings = check.run({ evidence: { env, code }, options: { expected: [] } });
    assert.equal(findings.length, 11);
    assert.match(findings.at(-1)!.message, /^2990 more exposure\/code-credential-logged findings in big\.py/u);
  });
});
