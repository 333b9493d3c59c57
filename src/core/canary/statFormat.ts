/** A number to four significant digits, without exponent for everyday magnitudes: 0.6120, 1,234, −3.366. */
export function formatStat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toPrecision(4);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(4);
}

/** A difference with its sign: +0.05300, −12.00. */
export function formatSigned(value: number): string {
  const text = formatStat(value);
  return value > 0 ? `+${text}` : text;
}

/** A p-value: two significant digits, and "<0.0001" below that. */
export function formatPValue(value: number): string {
  if (value < 0.0001) return '<0.0001';
  return value >= 0.01 ? value.toFixed(value >= 0.1 ? 2 : 3) : value.toPrecision(2);
}

/** A count with thousands separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A p-value in a sentence: "p = 0.031" or "p < 0.0001". */
export function pValueClause(name: string, value: number): string {
  const text = formatPValue(value);
  return text.startsWith('<') ? `${name} < ${text.slice(1)}` : `${name} = ${text}`;
}
