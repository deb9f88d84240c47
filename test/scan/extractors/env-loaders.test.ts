import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../helpers.js';

const loaders = (text: string, kind: Parameters<typeof extract>[1], file = 'f') =>
  (extract(text, kind, file).envLoaders ?? []).map(({ file: _f, snippet: _s, column: _c, ...rest }) => rest);

test('Node dotenv: config() with path and override, dotenv/config, named config, process.loadEnvFile', () => {
  assert.deepEqual(loaders("require('dotenv').config({ path: 'config/.env', override: true })\n", 'js'), [
    { line: 1, loader: 'node-dotenv', call: 'config', path: 'config/.env', pathBase: 'cwd', override: true },
  ]);
  assert.deepEqual(loaders("import 'dotenv/config'\nimport dotenv from 'dotenv'\ndotenv.config({ path: path.resolve(__dirname, '../.env') })\n", 'js'), [
    { line: 1, loader: 'node-dotenv', call: 'import' },
    { line: 3, loader: 'node-dotenv', call: 'config', path: '../.env', pathBase: 'file' },
  ]);
  assert.deepEqual(loaders("import { config } from 'dotenv';\n// config()\nconfig();\nprocess.loadEnvFile();\n", 'js'), [
    { line: 3, loader: 'node-dotenv', call: 'config' },
    { line: 4, loader: 'node-env-file', call: 'loadEnvFile', path: '.env', pathBase: 'cwd' },
  ]);
  assert.deepEqual(loaders("require('dotenv-flow').config();\n", 'js'), [{ line: 1, loader: 'dotenv-flow', call: 'config' }]);
});

test('a config() call of something that is not dotenv is not a loader', () => {
  assert.deepEqual(loaders("const app = require('express')();\napp.config({ path: '.env' });\nconfig();\n", 'js'), []);
});

test('python-dotenv: load_dotenv with no argument searches from the file, find_dotenv(usecwd=True) from the working folder, __file__ paths', () => {
  const py = [
    'from dotenv import load_dotenv, find_dotenv',
    'load_dotenv()',
    'load_dotenv(find_dotenv(usecwd=True))',
    "load_dotenv(Path(__file__).resolve().parent.parent / '.env', override=True)",
    "load_dotenv(os.path.join(os.path.dirname(__file__), 'config', '.env'))",
    "load_dotenv(dotenv_path='config/.env')",
    '# load_dotenv()',
    "values = dotenv_values('.env.shared')",
  ].join('\n');
  assert.deepEqual(loaders(py, 'python'), [
    { line: 2, loader: 'python-dotenv', call: 'load_dotenv', search: 'file' },
    { line: 3, loader: 'python-dotenv', call: 'load_dotenv', search: 'cwd' },
    { line: 4, loader: 'python-dotenv', call: 'load_dotenv', override: true, path: '../.env', pathBase: 'file' },
    { line: 5, loader: 'python-dotenv', call: 'load_dotenv', path: 'config/.env', pathBase: 'file' },
    { line: 6, loader: 'python-dotenv', call: 'load_dotenv', path: 'config/.env', pathBase: 'cwd' },
    { line: 8, loader: 'python-dotenv', call: 'dotenv_values', path: '.env.shared', pathBase: 'cwd' },
  ]);
});

test('django-environ, python-decouple and pydantic-settings', () => {
  assert.deepEqual(loaders("import environ\nenv = environ.Env()\nenviron.Env.read_env(BASE_DIR / '.env')\n", 'python'), [
    { line: 3, loader: 'django-environ', call: 'read_env', pathExpr: "BASE_DIR / '.env'" },
  ]);
  assert.deepEqual(loaders('from decouple import config\nPAT = config("CLARIFAI_PAT")\n', 'python'), [
    { line: 1, loader: 'python-decouple', call: 'decouple', search: 'file' },
  ]);
  assert.deepEqual(
    loaders("from pydantic_settings import BaseSettings, SettingsConfigDict\nclass S(BaseSettings):\n    model_config = SettingsConfigDict(env_file='.env')\n", 'python'),
    [{ line: 3, loader: 'pydantic-settings', call: 'env_file', path: '.env', pathBase: 'cwd' }],
  );
});

test('shell: . ./.env after set -a, source next to the script, export $(grep … | xargs); activate scripts are not env files', () => {
  const sh = '#!/bin/sh\nset -a\n. ./.env\nsource "$(dirname "$0")/.env"\nexport $(grep -v \'^#\' .env | xargs)\n. venv/bin/activate\n';
  assert.deepEqual(loaders(sh, 'shell', 'run.sh'), [
    { line: 3, loader: 'shell', call: 'source', path: '.env', pathBase: 'cwd', exported: true },
    { line: 4, loader: 'shell', call: 'source', path: '.env', pathBase: 'file', exported: true },
    { line: 5, loader: 'shell', call: 'export-cat', path: '.env', pathBase: 'cwd', exported: true },
  ]);
  assert.deepEqual(loaders('. ./.env\n', 'shell', 'run.sh'), [{ line: 1, loader: 'shell', call: 'source', path: '.env', pathBase: 'cwd' }]);
  // A README that tells you to `source .env` runs nothing.
  assert.deepEqual(loaders('```sh\nsource .env\n```\n', 'markdown', 'README.md'), []);
});

test('notebooks: %dotenv magic (with -o), not %load_ext alone', () => {
  const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['%load_ext dotenv\n', '%dotenv -o\n', 'import os\n'] }], metadata: {} });
  assert.deepEqual(loaders(nb, 'notebook', 'a.ipynb'), [{ line: 1, loader: 'python-dotenv', call: 'magic', search: 'cwd', path: '.env', pathBase: 'cwd', override: true }]);
});
