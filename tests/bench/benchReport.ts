/** Nearest-rank percentile of `values` (p in 0–100); undefined for no values. */
export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export interface Distribution {
  p50: number | null;
  p99: number | null;
  max: number | null;
  /** How many values there should have been (bots that did not get there are missing). */
  of: number;
  count: number;
}

export function distribution(values: number[], expectedCount: number): Distribution {
  const round = (v: number | undefined) => (v === undefined ? null : Math.round(v));
  return {
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(percentile(values, 100)),
    of: expectedCount,
    count: values.length,
  };
}

/** The distribution of a histogram of 1-unit buckets (bucket i counts values in [i, i+1)), by bucket. */
export function histogramDistribution(buckets: number[]): Distribution {
  const count = buckets.reduce((a, b) => a + b, 0);
  const at = (p: number) => {
    if (count === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    return buckets.findIndex((n) => (seen += n) >= rank);
  };
  return { p50: at(50), p99: at(99), max: at(100), of: count, count };
}

/** A two-column table for a person reading the terminal. */
export function formatTable(title: string, rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  const rule = '─'.repeat(Math.max(title.length, ...lines.map((l) => l.length)));
  return [rule, title, rule, ...lines, rule].join('\n');
}

export function formatDistribution(d: Distribution, unit = 'ms'): string {
  const value = (v: number | null) => (v === null ? '—' : `${v} ${unit}`);
  const missing = d.count < d.of ? `  (${d.of - d.count} of ${d.of} never did)` : '';
  return `p50 ${value(d.p50)}, p99 ${value(d.p99)}, max ${value(d.max)}${missing}`;
}
