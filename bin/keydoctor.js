#!/usr/bin/env -S node --
// The keydoctor command: hands argv to the CLI and turns its answer into the exit code.
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
