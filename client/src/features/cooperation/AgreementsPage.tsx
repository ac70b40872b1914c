import './cooperation.messages';
import { useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useSubscription } from 'urql';
import { PageHeading } from '../../components/PageHeading';
import { PageLoadingOrError } from '../../components/PageLoadingOrError';
import { toApiError } from '../../graphql/errors';
import type { NegotiationsChangedSubscription as NegotiationEvent } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Section } from '../../components/Card';
import { usePageQuery } from '../../components/usePageQuery';
import { DataTable, RowHeadLink } from '../../components/DataTable';
import { ToggleButton } from '../../components/ToggleButton';
import { useCurrentUser } from '../auth/useCurrentUser';
import { AgreementForm } from './AgreementForm';
import { NegotiationForm } from './NegotiationForm';
import { agreementTypeLabel, negotiationKindLabel } from './cooperation.labels';
import { AgreementsChangedSubscription, AgreementsQuery, NegotiationsChangedSubscription } from './agreements.documents';
import { ProgressBar } from './ProgressBar';
import { useFormFocus } from './useFormFocus';
import './cooperation.css';

/** /agreements: the agreements with their rounds' progress, and the negotiations the law requires; live. */
export function AgreementsPage() {
  const { t, name, date } = useI18n();
  const [{ data, error }, refetch] = usePageQuery({ query: AgreementsQuery });
  const { user } = useCurrentUser();
  const isSecretariat = Boolean(user?.roles.includes('SECRETARIAT'));
  const [creating, setCreating] = useState(false);
  const [negotiating, setNegotiating] = useState(false);
  // The keyboard goes into the new negotiation's form when 'Uusi neuvottelu' opens it, and back to the button when it closes.
  const negotiationOpener = useRef<HTMLDivElement>(null);
  const negotiationForm = useRef<HTMLDivElement>(null);
  useFormFocus(negotiating, negotiationForm, negotiationOpener);
  const [negotiationAdded, setNegotiationAdded] = useState('');
  const [editingId, setEditingId] = useState<string>();
  // Other users' changes arrive live; graphcache merges them by id (new records: cooperation.cache.ts).
  useSubscription({ query: AgreementsChangedSubscription });
  const [{ data: lastNegotiation }] = useSubscription<NegotiationEvent, NegotiationEvent['negotiationChanged']>(
    { query: NegotiationsChangedSubscription },
    (_previous, event) => event.negotiationChanged,
  );
  if (!data) {
    return (
      <>
        <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
        <PageLoadingOrError error={toApiError(error)} onRetry={refetch} />
      </>
    );
  }
  const editing = editingId ? data.negotiations.find((n) => n.id === editingId) : undefined;
  return (
    <>
      <PageHeading title={t('agr.title')}>{t('agr.title')}</PageHeading>
      <p className="yp-lead">{t('agr.intro')}</p>
      <DataTable
        caption={t('agr.caption')}
        columns={[t('agr.col.title'), t('agr.col.type'), t('agr.col.validity'), t('agr.col.progress')]}
        scrollClassName="yp-coop-scroll"
        testId="agreements-table"
      >
        {data.agreements.map((a) => (
          <tr key={a.id}>
            <RowHeadLink to={`/agreements/${encodeURIComponent(a.id)}`}>{name(a.titles)}</RowHeadLink>
            <td>{agreementTypeLabel(t, a.type)}</td>
            <td className="yp-nowrap">
              {t('agr.validity', {
                from: a.validFrom ? date(a.validFrom) : '',
                to: a.validTo ? date(a.validTo) : t('agr.open'),
              })}
            </td>
            <td className="yp-coop-progress-cell">
              <ProgressBar progress={a.ratificationProgress} />
            </td>
          </tr>
        ))}
      </DataTable>
      {isSecretariat && (
        <ToggleButton open={creating} setOpen={setCreating} label={t('agr.form.new')} closeLabel={t('agr.form.close')} />
      )}
      {/* The cache fetches the list again after a create (cooperation.cache.ts). */}
      {isSecretariat && creating && <AgreementForm />}
      <Section headingId="negotiations-heading" title={t('agr.negotiations')} className="yp-mt-m">
        <DataTable
          caption={t('agr.negotiationsCaption')}
          columns={[
            t('agr.col.title'),
            t('agr.col.year'),
            t('agr.col.kind'),
            t('agr.col.group'),
            t('agr.col.party'),
            t('agr.col.summary'),
            isSecretariat && t('agr.col.actions'),
          ]}
          scrollClassName="yp-coop-scroll"
          compact
          testId="negotiations-table"
        >
          {data.negotiations.map((n) => (
            <tr key={n.id}>
              <th scope="row">{n.title}</th>
              <td>{n.year}</td>
              <td>{negotiationKindLabel(t, n.kind)}</td>
              <td>{n.municipalityGroup ?? t('coop.none')}</td>
              <td>
                {/* Many parties (a council-term negotiation has all 24): their count, the names behind it. */}
                {n.parties.length > 5 ? (
                  <details className="yp-coop-parties">
                    <summary>{t('agr.partyCount', { count: n.parties.length })}</summary>
                    <p className="yp-coop-parties__names">{n.parties.map((p) => name(p.names)).join(', ')}</p>
                  </details>
                ) : (
                  n.parties.map((p) => name(p.names)).join(', ')
                )}
              </td>
              <td>{n.outcomeSummary ?? t('coop.none')}</td>
              {isSecretariat && (
                <td className="yp-coop-actions-cell">
                  <Button
                    variant="secondaryNoBorder"
                    aria-expanded={editingId === n.id}
                    aria-controls={editingId === n.id ? 'negotiation-edit-heading' : undefined}
                    aria-label={t('neg.form.editLabel', { title: n.title })}
                    onClick={() => setEditingId((open) => (open === n.id ? undefined : n.id))}
                  >
                    {t('neg.form.edit')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
        {isSecretariat && (
          <div ref={negotiationOpener}>
            <ToggleButton
              open={negotiating}
              setOpen={(open) => (setNegotiationAdded(''), setNegotiating(open))}
              label={t('neg.form.new')}
              closeLabel={t('agr.form.close')}
            />
            <p role="status" className="yp-status" data-testid="negotiation-added">
              {negotiationAdded}
            </p>
          </div>
        )}
        <p className="yp-meta" aria-live="polite" data-testid="negotiation-live-note">
          {lastNegotiation?.actor &&
            lastNegotiation.actor.id !== user?.id &&
            t('neg.live', { actor: lastNegotiation.actor.displayName, title: lastNegotiation.negotiation.title })}
        </p>
        {isSecretariat && editing && (
          <>
            <NegotiationForm key={editing.id} negotiation={editing} />
            <div className="yp-actions">
              <Button variant="secondary" onClick={() => setEditingId(undefined)}>
                {t('agr.form.close')}
              </Button>
            </div>
          </>
        )}
        {isSecretariat && negotiating && (
          <div ref={negotiationForm}>
            <NegotiationForm
              onCreated={(title) => {
                setNegotiationAdded(t('neg.form.created', { title }));
                setNegotiating(false);
              }}
            />
          </div>
        )}
      </Section>
    </>
  );
}
