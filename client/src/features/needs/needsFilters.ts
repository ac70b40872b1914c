import type { UrlFilterRules } from '../../components/urlFilters';
import type {
  NeedOptionsQuery,
  NeedStatus,
  Priority,
  ServiceNeedFilter,
  ServiceNeedSort,
  TargetGroup,
} from '../../graphql/generated/graphql';
import { priorities, sorts, statuses, targetGroups } from './needs.labels';

/** The register's view as the URL holds it, so that a view can be shared as a link. */
export interface RegisterView {
  text: string;
  status: NeedStatus[];
  theme: string;
  municipality: string;
  group: TargetGroup | '';
  priority: Priority | '';
  body: string;
  party: string;
  gaps: boolean;
  sort: ServiceNeedSort;
  view: 'table' | 'board';
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' => (list.includes(v as T) ? (v as T) : '');

/** What the register's URL filters may hold (useUrlFilters drops the rest); ids and codes once the options have loaded. */
export function registerFilterRules(options: NeedOptionsQuery | undefined): UrlFilterRules {
  const parties = options?.parties;
  return {
    status: { values: statuses, list: true },
    theme: { values: options?.themes.map((th) => th.code) },
    municipality: { id: true, values: parties?.filter((p) => p.kind === 'MUNICIPALITY').map((p) => p.id) },
    group: { values: targetGroups },
    priority: { values: priorities },
    body: { id: true, values: options?.cooperationBodies.map((b) => b.id) },
    party: { id: true, values: parties?.map((p) => p.id) },
    gaps: { values: ['1'] },
    sort: { values: sorts },
    view: { values: ['table', 'board'] },
  };
}

/** Reads the view from the URL's search parameters (unknown values are ignored). */
export function readView(params: URLSearchParams): RegisterView {
  return {
    text: params.get('q') ?? '',
    status: (params.get('status') ?? '').split(',').filter((s): s is NeedStatus => statuses.includes(s as NeedStatus)),
    theme: params.get('theme') ?? '',
    municipality: params.get('municipality') ?? '',
    group: oneOf(targetGroups, params.get('group')),
    priority: oneOf(priorities, params.get('priority')),
    body: params.get('body') ?? '',
    party: params.get('party') ?? '',
    gaps: params.get('gaps') === '1',
    sort: oneOf(sorts, params.get('sort')) || 'UPDATED_DESC',
    view: params.get('view') === 'board' ? 'board' : 'table',
  };
}

/** Writes the view into search parameters, leaving defaults out so links stay short. */
export function writeView(view: RegisterView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.text.trim()) p.set('q', view.text.trim());
  if (view.status.length) p.set('status', view.status.join(','));
  if (view.theme) p.set('theme', view.theme);
  if (view.municipality) p.set('municipality', view.municipality);
  if (view.group) p.set('group', view.group);
  if (view.priority) p.set('priority', view.priority);
  if (view.body) p.set('body', view.body);
  if (view.party) p.set('party', view.party);
  if (view.gaps) p.set('gaps', '1');
  if (view.sort !== 'UPDATED_DESC') p.set('sort', view.sort);
  if (view.view === 'board') p.set('view', 'board');
  return p;
}

/** The API filter of a view. */
export function toFilter(view: RegisterView): ServiceNeedFilter {
  return {
    ...(view.text.trim() ? { text: view.text.trim() } : {}),
    ...(view.status.length ? { status: view.status } : {}),
    ...(view.theme ? { themeCodes: [view.theme] } : {}),
    ...(view.municipality ? { municipalityIds: [view.municipality] } : {}),
    ...(view.group ? { targetGroups: [view.group] } : {}),
    ...(view.priority ? { priority: [view.priority] } : {}),
    ...(view.body ? { ownerBodyId: view.body } : {}),
    ...(view.party ? { responsiblePartyId: view.party } : {}),
    ...(view.gaps ? { withoutLead: true } : {}),
  };
}

/** True when any filter is set (sort and view do not count). */
export function isFiltered(view: RegisterView): boolean {
  return Object.keys(toFilter(view)).length > 0;
}
