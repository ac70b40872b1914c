/**
 * The bench's one output: a table of rows, each our figure beside a peer's
 * measured in the same run, the ratio between them and the target.
 */

/** A target: either relative to the peer (ratio) or an absolute bound on our figure. */
export type Target =
  | { kind: 'ratio'; max: number; text: string }
  | { kind: 'ratio-min'; min: number; text: string }
  | { kind: 'max'; value: number; text: string }
  | { kind: 'min'; value: number; text: string }
  | { kind: 'all'; text: string; met: (ours: Measured) => boolean }
  | { kind: 'none' };

/** A figure with its unit, and an optional note shown after it (e.g. "p99 45 ms"). */
export interface Measured {
  value: number;
  unit: string;
  note?: string;
}

export interface Row {
  what: string;
  ours: Measured | string;
  /** The peer the ratio is taken against (first), and any others shown beside it. */
  peers: { name: string; measured: Measured | string }[];
  target: Target;
}

/** Formats a number for people: thousands separated, sensible decimals. */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatMeasured(m: Measured | string): string {
  if (typeof m === 'string') return m;
  return `${formatNumber(m.value)} ${m.unit}${m.note ? ` (${m.note})` : ''}`.trim();
}

/**
 * Ours over the peer, as "how many times the peer's cost": for lower-is-better
 * figures ours/peer, for higher-is-better (throughput) ours/peer too, so that
 * 0.5x reads "half the peer's throughput" and 2x "twice the peer's CPU".
 */
export function ratio(ours: Measured | string, peer: Measured | string | undefined): number | undefined {
  if (typeof ours === 'string' || peer === undefined || typeof peer === 'string') return undefined;
  if (!Number.isFinite(ours.value) || !Number.isFinite(peer.value) || peer.value === 0) return undefined;
  return ours.value / peer.value;
}

export function formatRatio(r: number | undefined): string {
  if (r === undefined) return '-';
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}x`;
}

/** Whether the row meets its target: true, false, or undefined when it cannot be told (no figure, no peer). */
export function met(row: Row): boolean | undefined {
  const t = row.target;
  if (t.kind === 'none' || typeof row.ours === 'string') return undefined;
  const r = ratio(row.ours, row.peers[0]?.measured);
  switch (t.kind) {
    case 'ratio':
      return r === undefined ? undefined : r <= t.max;
    case 'ratio-min':
      return r === undefined ? undefined : r >= t.min;
    case 'max':
      return row.ours.value <= t.value;
    case 'min':
      return row.ours.value >= t.value;
    case 'all':
      return t.met(row.ours);
  }
}

function targetText(t: Target): string {
  return t.kind === 'none' ? '-' : t.text;
}

/** The rows as a Markdown table (what | Yhteispeli | peer | ratio | target | met?). */
export function formatTable(rows: Row[]): string {
  const header = ['what', 'Yhteispeli', 'peer', 'ratio', 'target', 'met?'];
  const body = rows.map((row) => {
    const m = met(row);
    return [
      row.what,
      formatMeasured(row.ours),
      row.peers.length ? row.peers.map((p) => `${p.name}: ${formatMeasured(p.measured)}`).join('; ') : '-',
      formatRatio(ratio(row.ours, row.peers[0]?.measured)),
      targetText(row.target),
      m === undefined ? '-' : m ? 'yes' : 'no',
    ];
  });
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.map(escape).join(' | ')} |`).join('\n');
}

/** Percentile q (0..1) of samples, nearest rank; NaN for none. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
