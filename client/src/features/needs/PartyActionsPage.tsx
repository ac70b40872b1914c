import './needs.messages';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useQuery } from 'urql';
import { byPlaceName } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { DataTable } from '../../components/DataTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { NeedOptionsQuery, PartyActionsQuery } from './needs.documents';
import { actionStatusLabel } from './needs.labels';
import { StatusTag } from './NeedBadges';
import { NeedsChoiceView } from './NeedsTabs';
import { ExportLinks } from '../dashboard/ExportLinks';
import './filters.css';
import './tags.css';
import './matrix.css';
import './tableScroll.css';

/** /needs/actions?party=X: what one party has committed to across the needs the user may see. */
export function PartyActionsPage() {
  const { t, name, date } = useI18n();
  const { user } = useCurrentUser();
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const rules = useMemo(() => ({ party: { id: true, values: options?.parties.map((p) => p.id) } }), [options]);
  const { params, pending, notice } = useUrlFilters(rules);
  const partyId = params.get('party') ?? user?.party?.id ?? options?.parties.find((p) => p.code === '410')?.id ?? '';
  const [{ data }] = usePageQuery({ query: PartyActionsQuery, variables: { partyId }, pause: !partyId || pending });
  const parties = byPlaceName(options?.parties ?? [], (p) => name(p.names));
  const partyOptions = parties.map((p) => ({ value: p.id, label: name(p.names) }));
  const party = parties.find((p) => p.id === partyId);
  const actions = data?.partyActions ?? [];
  const overdue = actions.filter((a) => a.overdue).length;
  const done = actions.filter((a) => a.status === 'DONE').length;

  return (
    <NeedsChoiceView
      messages="partyActions"
      choice={{ id: 'actions-party', param: 'party', label: t('partyActions.party'), value: partyId, options: partyOptions }}
      notice={notice}
      loading={!data}
    >
      <p className="yp-count">{t('partyActions.summary', { total: actions.length, overdue, done })}</p>
      <ExportLinks
        name="actions"
        filters={{ party: partyId }}
        title={t('exports.actions')}
        hint={t('exports.actionsHint')}
        testId="actions-export"
      />
      <DataTable
        caption={t('partyActions.caption', { party: party ? name(party.names) : '' })}
        captionHidden
        columns={[t('need.actionTitle'), t('need.due'), t('need.status'), t('partyActions.need')]}
        scrollClassName="yp-needs-scroll"
        testId="party-actions"
      >
        {actions.map((a) => (
          <tr key={a.id} className={a.overdue ? 'yp-row--overdue' : undefined}>
            <th scope="row">{a.title}</th>
            <td className="yp-nowrap">
              {a.dueDate ? date(a.dueDate) : '–'}{' '}
              {a.overdue && <span className="yp-tag yp-tag--overdue">{t('need.overdue')}</span>}
            </td>
            <td>
              <span className={`yp-tag yp-action--${a.status}`}>{actionStatusLabel(t, a.status)}</span>
            </td>
            <td>
              <Link className="yp-link" to={`/needs/${a.need.id}`}>
                {a.need.title}
              </Link>{' '}
              <StatusTag status={a.need.status} />
            </td>
          </tr>
        ))}
      </DataTable>
    </NeedsChoiceView>
  );
}
