// Facts read from the project's source code (filled by the source scan).

export interface CodeEvidence {
  /** Environment variable names the code reads, with where. */
  envReads: { name: string; file: string; line: number; column: number }[];
}
