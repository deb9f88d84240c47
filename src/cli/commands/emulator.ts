// Placeholder until `keydoctor emulator` lands (being built in parallel).
import { KeydoctorError } from '../../core/errors.js';
import type { Command } from '../command.js';

export const command: Command = {
  name: 'emulator',
  summary: '',
  options: {},
  help: 'keydoctor emulator: not built yet\n',
  async run() {
    throw new KeydoctorError('KD_ERR_USAGE', '"keydoctor emulator" is not built yet.');
  },
};
