// Placeholder until `keydoctor explain` lands (being built in parallel).
import { KeydoctorError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'explain',
  summary: '',
  options: {},
  help: 'keydoctor explain: not built yet\n',
  async run() {
    throw new KeydoctorError('KD_ERR_USAGE', '"keydoctor explain" is not built yet.');
  },
};
