// What the live probes saw when they asked the API (filled by live diagnosis).

export interface LiveEvidence {
  base: string;
}
