/**
 * Small-count suppression, in one place. Counts of residents are estimates;
 * in a municipality of 1,500 people a count under five can identify someone,
 * so such an estimate is stored but never leaves the server: not in a query,
 * an `asOf`, a history snapshot, an export or an aggregate.
 */

/** Estimates below this are never returned (domain note: "suppressed below five"). */
export const SUPPRESSION_THRESHOLD = 5;

/** The estimate as anyone may see it: null when unknown or under the threshold. */
export function publicResidents(value: number | null | undefined): number | null {
  if (value == null || value < SUPPRESSION_THRESHOLD) return null;
  return value;
}

/**
 * A sum of estimates for an aggregate: only estimates that are public count
 * (so that comparing two aggregates never reveals a suppressed one), and a
 * total under the threshold is itself suppressed.
 */
export function publicResidentsSum(values: Iterable<number | null | undefined>): number | null {
  let sum = 0;
  let any = false;
  for (const v of values) {
    const p = publicResidents(v);
    if (p != null) {
      sum += p;
      any = true;
    }
  }
  return any ? publicResidents(sum) : null;
}

/** A stored snapshot (change event before/after) with the estimate made public. */
export function suppressInSnapshot<T>(snapshot: T): T {
  if (!snapshot || typeof snapshot !== 'object' || !('estimatedResidents' in snapshot)) return snapshot;
  const s = snapshot as T & { estimatedResidents: number | null | undefined };
  return { ...s, estimatedResidents: publicResidents(s.estimatedResidents) };
}
