// Placeholder until `keydoctor routes` lands (being built in parallel).
import { KeydoctorError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'routes',
  summary: '',
  options: {},
  help: 'keydoctor routes: not built yet\n',
  async run() {
    throw new KeydoctorError('KD_ERR_USAGE', '"keydoctor routes" is not built yet.');
  },
};
