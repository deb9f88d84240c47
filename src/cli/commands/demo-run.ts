// `keydoctor demo --run`: the bundled example app really runs under `keydoctor run`, its calls to api.clarifai.com answered by the emulator.
import { join } from 'node:path';
import { makeStyle } from '../../reporters/style.js';
import { mask } from '../../core/secret.js';
import type { CommandContext } from '../io.js';
import { interceptAndReport } from './run.js';

export async function demoRun(ctx: CommandContext, project: string, stalePat: string, json: boolean): Promise<number> {
  const { startEmulator } = await import('../../emulator/index.js');
  const emulator = await startEmulator({ state: join(project, 'emulator-state.json'), host: '127.0.0.1', port: 0, grpcPort: 0 });
  try {
    // The demo's keys are planted in its files; the app echoes Clarifai's "invalid key(…)", so its output is masked too.
    ctx.redactor.add(stalePat);
    const s = makeStyle(ctx.io.stderrIsTTY, ctx.unicode);
    ctx.err(
      `${s.bold('keydoctor demo --run')}: runs examples/demo-project/index.js under "keydoctor run". Its calls to https://api.clarifai.com\n` +
        `are answered by a local emulator at ${emulator.restUrl} (loopback only; nothing leaves this machine). The shell it gets still\n` +
        `exports CLARIFAI_PAT=${mask(stalePat)} (an old, revoked token), which beats the .env file.\n\n`,
    );
    // Only what the app needs: no CLARIFAI_API_BASE, so it calls the real hostname and the proxy has something to show.
    const env = { PATH: ctx.io.env.PATH, HOME: ctx.io.env.HOME, ...(ctx.io.env.NODE_OPTIONS ? { NODE_OPTIONS: ctx.io.env.NODE_OPTIONS } : {}), CLARIFAI_PAT: stalePat };
    const code = await interceptAndReport({ cmd: process.execPath, args: ['index.js'], env, cwd: project, projectDir: project, json, upstream: emulator.restUrl, grpcUpstream: emulator.grpcTarget, redactOutput: true }, ctx);
    ctx.err(`\n${s.green('The demo ran (exit 0).')} The app itself exited ${code}: the faults above were planted on purpose (examples/demo-project/README.md).\n`);
    return 0;
  } finally {
    await emulator.close();
  }
}
