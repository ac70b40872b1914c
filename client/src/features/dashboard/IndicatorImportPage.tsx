import './dashboard.messages';
import { useId, useState, type FormEvent } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { LinkParagraph } from '../../components/LinkParagraph';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { fieldError, toApiError } from '../../graphql/errors';
import { fieldErrorMessage } from '../../i18n/errorMessage';
import type { ImportIndicatorValuesMutation as ImportResult } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { useCurrentUser } from '../auth/useCurrentUser';
import { BackLink } from '../../components/BackLink';
import { ImportIndicatorValuesMutation } from './dashboard.documents';
import { DataTable, numeric } from '../../components/DataTable';
import { decodeCsv } from './csvText';
import './charts.css';
import './indicators.css';

/** The shape of a Sotkanet export, shown as an example. */
const EXAMPLE = `Indikaattori ID;Indikaattori;Alue ID;Alue;Aluetyyppi;Vuosi;Sukupuoli;Arvo;Absoluuttinen arvo
289;Sairastavuusindeksi, ikävakioitu;179;Jyväskylä;kunta;2023;yhteensä;104,2;
289;Sairastavuusindeksi, ikävakioitu;410;Laukaa;kunta;2023;yhteensä;98,7;`;

/** /indicators/import: the secretariat pastes or uploads a Sotkanet-style CSV and sees what was imported and skipped. */
export function IndicatorImportPage() {
  const { t, lang } = useI18n();
  const { user } = useCurrentUser();
  const uid = useId();
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState('SOTKANET');
  const [fileNote, setFileNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<ImportResult['importIndicatorValues'] | null>(null);
  const [{ fetching, error }, importValues] = useMutation(ImportIndicatorValuesMutation);
  const isSecretariat = user?.roles.includes('SECRETARIAT') ?? false;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = decodeCsv(await file.arrayBuffer());
    setCsv(text);
    setMissing(false);
    setFileNote(t('import.fileRead', { name: file.name, lines: text.split(/\r?\n/).filter((l) => l.trim()).length }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!csv.trim()) {
      setMissing(true);
      return;
    }
    setResult(null);
    const answer = await importValues({ csv, source: source.trim() || null });
    if (answer.data) setResult(answer.data.importIndicatorValues);
  };

  const apiError = toApiError(error);
  const sourceError = fieldError(apiError, 'source');
  return (
    <div className="yp-import">
      <BackLink to="/dashboard">{t('nav.dashboard')}</BackLink>
      <PageHeading title={t('import.title')}>{t('import.title')}</PageHeading>
      <p className="yp-lead">{t('import.intro')}</p>
      {!isSecretariat ? (
        <InlineAlert status="warning" data-testid="import-forbidden">
          {t('import.onlySecretariat')}
        </InlineAlert>
      ) : (
        <div className="yp-grid">
          <form className="yp-card" onSubmit={submit} noValidate data-testid="import-form">
            <label className="yp-import__field">
              {t('import.source')}
              <span className="yp-import__hint">{t('import.sourceHint')}</span>
              {sourceError && <span className="yp-import__error">{fieldErrorMessage(sourceError, t, lang)}</span>}
              <input
                type="text"
                value={source}
                onChange={(e) => setSource(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))}
                aria-invalid={sourceError ? true : undefined}
                autoCapitalize="characters"
                spellCheck={false}
                data-testid="import-source"
              />
            </label>
            <label className="yp-import__field">
              {t('import.file')}
              <span className="yp-import__hint">{t('import.fileHint')}</span>
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => void onFile(e.target.files?.[0])}
                data-testid="import-file"
              />
            </label>
            <p role="status" className="yp-import__hint">
              {fileNote}
            </p>
            <div className="yp-import__field">
              <label htmlFor={`${uid}-csv`}>{t('import.csv')}</label>
              <span className="yp-import__hint" id={`${uid}-hint`}>
                {t('import.csvHint')}
              </span>
              {missing && (
                <span className="yp-import__error" id={`${uid}-err`}>
                  {t('import.csvRequired')}
                </span>
              )}
              <textarea
                id={`${uid}-csv`}
                value={csv}
                onChange={(e) => {
                  setCsv(e.target.value);
                  setMissing(false);
                }}
                spellCheck={false}
                aria-describedby={`${uid}-hint${missing ? ` ${uid}-err` : ''}`}
                aria-invalid={missing || undefined}
                data-testid="import-csv"
              />
            </div>
            <Button type="submit" disabled={fetching} data-testid="import-submit">
              {fetching ? t('import.submitting') : t('import.submit')}
            </Button>
          </form>
          <div>
            <section className="yp-card yp-card--muted" aria-labelledby={`${uid}-ex`}>
              <h2 id={`${uid}-ex`} className="yp-chart__title yp-chart__title--small">
                {t('import.example')}
              </h2>
              <pre tabIndex={0}>{EXAMPLE}</pre>
            </section>
            {apiError && (
              <div className="yp-mt-m">
                <ErrorAlert error={apiError} />
              </div>
            )}
            {result && <ImportResultView result={result} />}
          </div>
        </div>
      )}
    </div>
  );
}

const REQUIRED_COLUMNS = ['indicatorCode', 'regionCode', 'year', 'value'] as const;

/** What the import did: counts, the indicators in the file, and each skipped line with its reason. */
function ImportResultView({ result }: { result: ImportResult['importIndicatorValues'] }) {
  const { t, number } = useI18n();
  // MISSING_COLUMNS names the server's columns ("indicatorCode, year"): say them as a Sotkanet file's headers.
  const columnNames = (value: string | null | undefined) =>
    (value ?? '')
      .split(', ')
      .map((c) => (REQUIRED_COLUMNS.find((k) => k === c) ? t(`import.column.${c as (typeof REQUIRED_COLUMNS)[number]}`) : c))
      .join(', ');
  return (
    <section className="yp-card yp-mt-m" aria-labelledby="import-result-h" data-testid="import-result">
      <h2 id="import-result-h" className="yp-chart__title">
        {t('import.resultTitle')}
      </h2>
      <InlineAlert status={result.skipped.length ? 'warning' : 'neutral'} className="yp-mt-m">
        <span data-testid="import-imported">{t('import.imported', { count: result.imported })}</span>
        {result.skipped.length > 0 && <> {t('import.skippedCount', { count: result.skipped.length })}</>}
      </InlineAlert>
      {result.indicators.length > 0 && (
        <DataTable
          caption={t('import.indicatorsCaption')}
          columns={[t('import.col.code'), t('import.col.name'), t('import.col.source'), t('import.col.unit')]}
          className="yp-table yp-table--compact yp-dash-table"
          wrap="scroll"
        >
          {result.indicators.map((i) => (
            <tr key={i.id}>
              <td className="yp-code">{i.code}</td>
              <th scope="row">{i.name}</th>
              <td>{i.source}</td>
              <td>{i.unit ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {result.skipped.length > 0 && (
        <DataTable
          caption={t('import.skippedCaption')}
          columns={[numeric(t('import.col.line')), t('import.col.reason')]}
          className="yp-table yp-table--compact yp-dash-table"
          wrap="scroll"
          testId="import-skipped"
        >
          {result.skipped.map((s) => (
            <tr key={`${s.line}:${s.reason}`}>
              <th scope="row" className="yp-num">
                {number(s.line)}
              </th>
              <td>
                {t(`import.skip.${s.code}`, { value: s.code === 'MISSING_COLUMNS' ? columnNames(s.value) : (s.value ?? '') })}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <LinkParagraph className="yp-mt-m" to="/dashboard">
        {t('import.toDashboard')}
      </LinkParagraph>
    </section>
  );
}
