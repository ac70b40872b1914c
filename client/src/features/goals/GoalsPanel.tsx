import './goals.messages';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { Card } from '../../components/Card';
import { DataTable, RowHeadLink } from '../../components/DataTable';
import { useI18n } from '../../i18n/useI18n';
import { GoalProgressBar } from './GoalProgressBar';
import { DashboardGoalsQuery, GoalChangedSubscription } from './goals.documents';
import { lastFullYear, reportPath } from './goals.util';
import './goals.css';

/** The dashboard's goals panel: every agreement's goals with progress as a bar and in words, live. */
export function GoalsPanel() {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: DashboardGoalsQuery });
  // Live: each change arrives with its goal and progress, which graphcache merges into this list (goals.cache.ts).
  useSubscription({ query: GoalChangedSubscription, variables: {} });
  const goals = data?.agreementGoals ?? [];
  return (
    <Card headingId="dash-goals-heading" title={t('goals.panel')} className="yp-card yp-dash__goals" testId="dash-goals">
      {data && goals.length === 0 && <p>{t('goals.panelNone')}</p>}
      {goals.length > 0 && (
        <DataTable
          caption={t('goals.panelCaption')}
          captionHidden
          columns={[t('goals.col.goal'), t('goals.col.agreement'), t('goals.col.progress')]}
          scrollClassName="yp-coop-scroll"
          compact
        >
          {goals.map((g) => (
            <tr key={g.id} data-testid="dash-goal">
              <RowHeadLink to={reportPath(g.agreement.id, g.id, lastFullYear())}>{g.title}</RowHeadLink>
              <td>
                <Link className="yp-link" to={`/agreements/${g.agreement.id}`}>
                  {name(g.agreement.titles)}
                </Link>
              </td>
              <td className="yp-coop-progress-cell">
                <GoalProgressBar progress={g.progress} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
