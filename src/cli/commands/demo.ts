// Placeholder until `keydoctor demo` lands (being built in parallel).
import { KeydoctorError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'demo',
  summary: '',
  options: {},
  help: 'keydoctor demo: not built yet\n',
  async run() {
    throw new KeydoctorError('KD_ERR_USAGE', '"keydoctor demo" is not built yet.');
  },
};
