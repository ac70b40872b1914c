import { useParams } from 'react-router';

/** A record id as the server writes it (the server answers BAD_USER_INPUT for anything else). */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a record id. */
export const isUuid = (value: string): boolean => UUID_RE.test(value);

/** The route parameters that name a record: `:id` and every `:<something>Id` (not `:token`, not the `*` splat). */
export const isIdParam = (name: string): boolean => name === 'id' || /^[a-z]+Id$/.test(name);

/** Whether any of `params`' record ids is malformed: no record can have it. */
export function hasMalformedId(params: Readonly<Record<string, string | undefined>>): boolean {
  return Object.entries(params).some(([name, value]) => isIdParam(name) && value !== undefined && !isUuid(value));
}

/**
 * Whether the current route names a record by a malformed id (/needs/not-a-uuid). Such a record does not exist:
 * usePageQuery does not ask the server (which would answer BAD_USER_INPUT) and PageFallback shows the page's
 * "not found", the same as for a well-formed id that names nothing.
 */
export function useMalformedRouteId(): boolean {
  return hasMalformedId(useParams());
}
