import './goals.messages';
import '../needs/needs.messages';
import { useParams } from 'react-router';
import { useUrlFilters } from '../../components/useUrlFilters';
import { Heading } from 'suomifi-ui-components';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { languages } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { GoalActionList, GoalNeedList } from './GoalLinks';
import { DataTable } from '../../components/DataTable';
import { BackLink } from '../../components/BackLink';
import { PageFallback } from '../../components/PageFallback';
import { usePageQuery } from '../../components/usePageQuery';
import { GoalProgressBar } from './GoalProgressBar';
import { GoalReportQuery } from './goals.documents';
import { useFormat } from '../../i18n/useFormat';
import { formatShare, lastFullYear, parseYear } from './goals.util';
import { measureName, ProgressCell, useMeasureText } from './MeasureTable';
import './goals.css';

const YEARS = Array.from({ length: 16 }, (_, i) => lastFullYear() + 1 - i);
/** The report's URL filter: a year the server takes (useUrlFilters leaves out anything else and says so). */
const YEAR_RULES = { year: { check: (v: string) => !Number.isNaN(parseYear(v)) } };

/**
 * /agreements/:id/goals/:goalId/report?year=: the annual follow-up report
 * (seurantaraportti) of a goal on screen, with links to the same report as a
 * tagged PDF in Finnish, Swedish and English.
 */
export function GoalReportPage() {
  const { id = '', goalId = '' } = useParams();
  const { params, setParams, notice } = useUrlFilters(YEAR_RULES);
  const { t, name, lang, dateTime } = useI18n();
  const { signed } = useFormat();
  const text = useMeasureText();
  const asked = parseYear(params.get('year') ?? '');
  const year = Number.isNaN(asked) ? lastFullYear() : asked;
  const [{ data, error, fetching }, refetch] = usePageQuery({ query: GoalReportQuery, variables: { goalId, year } });
  const back = <BackLink to={`/agreements/${id}`}>{t('goals.reportPage.back')}</BackLink>;
  const report = data?.goalReport;
  if (!report) return <PageFallback before={back} error={error} onRetry={refetch} notFound={Boolean(data && !fetching)} />;
  const goal = report.goal;
  const title = t('goals.reportPage.title', { year: report.year, title: goal.title });
  const owner = [goal.ownerParty && name(goal.ownerParty.names), goal.ownerBody && name(goal.ownerBody.names)]
    .filter(Boolean)
    .join(', ');
  const pdf = (l: string) => `/agreements/${id}/goals/${goalId}/report.pdf?year=${report.year}&lang=${l}`;
  return (
    <>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p className="yp-lead yp-subtitle">{t('goals.reportPage.agreement', { title: name(goal.agreement.titles) })}</p>
      {owner && <p className="yp-goal__meta">{t('goals.owner', { owner })}</p>}
      {goal.description && <p className="yp-goal__desc">{goal.description}</p>}
      <form className="yp-coop-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="report-year"
          label={t('goals.reportPage.year')}
          value={String(report.year)}
          options={YEARS.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(y) => y && setParams({ year: y }, { replace: true })}
          testId="report-year"
        />
      </form>
      {notice}
      <Card headingId="report-progress-heading" title={t('goals.col.progress')}>
        <GoalProgressBar progress={report.progress} testId="report-progress" />
        <p className="yp-muted">{t('goals.reportPage.asOf', { year: report.year })}</p>
      </Card>
      <Card headingId="report-measures-heading" title={t('goals.measures')}>
        {report.measures.length === 0 ? (
          <p>{t('goals.noMeasures')}</p>
        ) : (
          <DataTable
            caption={t('goals.measuresCaption', { title: goal.title })}
            columns={[
              t('goals.col.indicator'),
              t('goals.col.baseline'),
              t('goals.col.target'),
              t('goals.reportPage.col.value'),
              t('goals.reportPage.col.change'),
              t('goals.col.progress'),
              t('goals.reportPage.col.expected'),
            ]}
            scrollClassName="yp-coop-scroll"
            compact
            testId="report-table"
          >
            {report.measures.map((r) => {
              const m = r.measure;
              const change = r.value && r.previous ? r.value.value - r.previous.value : null;
              const progressText = text.progress(r.progress, r.status);
              return (
                <tr key={m.id} data-testid="report-row">
                  <th scope="row">{measureName(m, name)}</th>
                  <td>{text.valueYear(m, m.baselineValue, m.baselineYear)}</td>
                  <td>{text.valueYear(m, m.targetValue, m.targetYear)}</td>
                  <td>{r.value ? text.valueYear(m, r.value.value, r.value.year) : t('goals.noValue')}</td>
                  <td>{change == null ? '–' : signed(change)}</td>
                  <ProgressCell share={r.progress} status={r.status} text={progressText} />
                  <td>{formatShare(r.expectedProgress, lang)}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
      <Card headingId="report-links-heading" title={t('goals.actions')}>
        {goal.actions.length === 0 ? <p>–</p> : <GoalActionList actions={goal.actions} />}
        <Heading variant="h2">{t('goals.needs')}</Heading>
        {goal.needs.length === 0 ? <p>–</p> : <GoalNeedList needs={goal.needs} />}
      </Card>
      <Card headingId="report-pdf-heading" title={t('goals.reportPage.pdf')}>
        <ul className="yp-goal-report__pdf">
          {languages.map((l) => (
            <li key={l}>
              <a className="yp-link" href={pdf(l)} download data-testid={`report-pdf-${l}`}>
                {t('goals.reportPage.pdfIn', { language: t(`goals.reportPage.lang.${l}`) })}
              </a>
            </li>
          ))}
        </ul>
        <p className="yp-muted">{t('goals.reportPage.generated', { time: dateTime(report.generatedAt) })}</p>
      </Card>
    </>
  );
}
