import { isUuid } from './routeIds';

/**
 * What one URL filter may hold. `values`: the known values (an enum's, or the ids/codes of the options the client has);
 * undefined while those options load. `id`: the value is a record id, so a malformed one is unknown at once.
 * `list`: a comma-separated list (status=A,B), each item checked on its own. `check`: a test of its own, in place of `values` (a year).
 */
export interface UrlFilterRule {
  readonly values?: readonly string[];
  readonly id?: boolean;
  readonly list?: boolean;
  readonly check?: (value: string) => boolean;
}

/** A page's URL filters by their parameter names; parameters not named here are left as they are. */
export type UrlFilterRules = Readonly<Record<string, UrlFilterRule>>;

/** The URL's filters checked against a page's rules. */
export interface CheckedFilters {
  /** The parameters with the unknown values left out (a list keeps its known items). */
  readonly params: URLSearchParams;
  /** The parameters that had a value the page does not know (each name once). */
  readonly unknown: readonly string[];
  /** Whether a value is still waiting for its options to load (the page should not ask the server with it yet). */
  readonly pending: boolean;
}

/** Whether one value is known, unknown, or not yet known (its options still loading). */
function verdict(rule: UrlFilterRule, value: string): 'known' | 'unknown' | 'pending' {
  if (rule.id && !isUuid(value)) return 'unknown';
  if (rule.check) return rule.check(value) ? 'known' : 'unknown';
  if (rule.values === undefined) return 'pending';
  return rule.values.includes(value) ? 'known' : 'unknown';
}

/**
 * Checks a shared link's filters in one place for every page (the register, the dashboard, ...): a value that is not
 * a valid option (an unknown municipality, a malformed id, a status that does not exist) is left out, and the page
 * tells the user once (UnknownFilterNotice) instead of sending it to the server, which answers BAD_USER_INPUT.
 */
export function checkUrlFilters(params: URLSearchParams, rules: UrlFilterRules): CheckedFilters {
  const next = new URLSearchParams(params);
  const unknown: string[] = [];
  let pending = false;
  for (const [name, rule] of Object.entries(rules)) {
    const raw = params.get(name);
    if (raw === null) continue;
    const items = (rule.list ? raw.split(',') : [raw]).map((v) => v.trim()).filter(Boolean);
    const kept: string[] = [];
    for (const item of items) {
      const v = verdict(rule, item);
      if (v === 'unknown') {
        if (!unknown.includes(name)) unknown.push(name);
      } else {
        if (v === 'pending') pending = true;
        kept.push(item);
      }
    }
    if (kept.length === items.length && raw.trim() !== '') continue;
    if (kept.length) next.set(name, kept.join(','));
    else next.delete(name);
  }
  return { params: next, unknown, pending };
}
