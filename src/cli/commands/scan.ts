// Placeholder until `keydoctor scan` lands (being built in parallel).
import { KeydoctorError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'scan',
  summary: '',
  options: {},
  help: 'keydoctor scan: not built yet\n',
  async run() {
    throw new KeydoctorError('KD_ERR_USAGE', '"keydoctor scan" is not built yet.');
  },
};
