// keydoctor's own errors: each carries a stable KD_ERR_ code from one table, and usage errors exit 2.

export const ERROR_CODES = {
  KD_ERR_USAGE: 'The command line is not valid.',
  KD_ERR_NOT_A_DIRECTORY: 'The project path is not a folder.',
  KD_ERR_FILE: 'A file could not be read.',
  KD_ERR_INPUT: 'The input could not be understood.',
  KD_ERR_STATE: 'The emulator state file is not valid.',
  KD_ERR_NETWORK_POLICY: 'keydoctor refused to send a credential where it was not allowed.',
  KD_ERR_FIX_REFUSED: 'keydoctor fix changed nothing: a file it would edit is outside the project, not text, unwritable, in a merge, or changed since the diagnosis.',
  KD_ERR_INTERNAL: 'keydoctor itself failed.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class KeydoctorError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KeydoctorError';
    this.code = code;
  }
}

export function usageError(message: string): KeydoctorError {
  return new KeydoctorError('KD_ERR_USAGE', message);
}
