import './needs.messages';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useQuery } from 'urql';
import { byPlaceName } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { usePageQuery } from '../../components/usePageQuery';
import { DataTable } from '../../components/DataTable';
import { MatrixQuery, NeedOptionsQuery } from './needs.documents';
import { roleLabel } from './needs.labels';
import { StatusTag } from './NeedBadges';
import { NeedsChoiceView } from './NeedsTabs';
import './filters.css';
import './tags.css';
import './matrix.css';
import './tableScroll.css';

/** /needs/matrix?theme=X: parties × needs of a theme; a need without a lead stands out. */
export function ResponsibilityMatrixPage() {
  const { t, name } = useI18n();
  const [{ data: options }] = useQuery({ query: NeedOptionsQuery });
  const rules = useMemo(() => ({ theme: { values: options?.themes.map((th) => th.code) } }), [options]);
  const { params, pending, notice } = useUrlFilters(rules);
  const theme = params.get('theme') ?? options?.themes[0]?.code ?? '';
  const [{ data }] = usePageQuery({
    query: MatrixQuery,
    variables: { filter: { themeCodes: [theme] } },
    pause: !theme || pending,
  });
  const needs = data?.serviceNeeds.edges.map((e) => e.node) ?? [];
  const partyMap = new Map<string, { id: string; label: string }>();
  for (const n of needs)
    for (const r of n.responsibilities) partyMap.set(r.party.id, { id: r.party.id, label: name(r.party.names) });
  const parties = byPlaceName([...partyMap.values()], (p) => p.label);
  const chosenTheme = options?.themes.find((th) => th.code === theme);
  const themeName = chosenTheme ? name(chosenTheme.names) : theme;
  const themeOptions = (options?.themes ?? []).map((th) => ({ value: th.code, label: name(th.names) }));
  const gaps = needs.filter((n) => n.hasGap).length;

  return (
    <NeedsChoiceView
      messages="matrix"
      choice={{ id: 'matrix-theme', param: 'theme', label: t('matrix.theme'), value: theme, options: themeOptions }}
      notice={notice}
      loading={!data}
    >
      {needs.length === 0 ? (
        <p className="yp-muted">{t('matrix.none')}</p>
      ) : (
        <>
          {gaps > 0 && <p className="yp-gap yp-gap--block">{t('matrix.gaps', { count: gaps })}</p>}
          <DataTable
            caption={t('matrix.caption', { theme: themeName })}
            columns={[
              t('needs.col.title'),
              ...parties.map((p) => ({ key: p.id, className: 'yp-matrix__party', label: <span>{p.label}</span> })),
            ]}
            scrollClassName="yp-needs-scroll"
            className="yp-table yp-matrix"
            testId="matrix"
          >
            {needs.map((n) => (
              <tr key={n.id} className={n.hasGap ? 'yp-matrix__row--gap' : undefined}>
                <th scope="row">
                  <Link className="yp-link" to={`/needs/${n.id}`}>
                    {n.title}
                  </Link>
                  <div>
                    <StatusTag status={n.status} /> {n.hasGap && <span className="yp-gap">{t('needs.gap')}</span>}
                  </div>
                </th>
                {parties.map((p) => {
                  const r = n.responsibilities.find((x) => x.party.id === p.id);
                  return (
                    <td key={p.id} className={r ? `yp-matrix__cell yp-role--${r.role}` : 'yp-matrix__cell'}>
                      {r ? roleLabel(t, r.role) : <span className="yp-visually-hidden">–</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </NeedsChoiceView>
  );
}
