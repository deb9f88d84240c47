// Counts with thousands separators (12,345) without Intl: the first toLocaleString() loads ICU data, tens of ms of start-up.
export function count(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
