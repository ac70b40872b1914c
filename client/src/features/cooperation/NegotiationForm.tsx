import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import type { NegotiationFieldsFragment, NegotiationKind } from '../../graphql/generated/graphql';
import { yearInFinland } from '../../i18n/dates';
import { useI18n } from '../../i18n/useI18n';
import { negotiationKindLabel, negotiationKinds } from './cooperation.labels';
import { AgreementPartyOptionsQuery, CreateNegotiationMutation, UpdateNegotiationMutation } from './agreements.documents';
import { optionalText, sameIds } from './forms.util';
import { SaveFooter, useVersionedSave } from './useVersionedSave';

type Field = 'kind' | 'title' | 'year' | 'municipalityGroup' | 'legalBasis' | 'heldOn' | 'partyIds' | 'outcomeSummary';

/**
 * The secretariat's form for a negotiation the law requires: without
 * `negotiation` it records a new one with every party preselected; with it, it
 * edits that negotiation against the version it showed (the kind stays). A
 * refused save (CONFLICT) is said in words and keeps what the user typed.
 */
export function NegotiationForm({ negotiation, onCreated }: { negotiation?: NegotiationFieldsFragment; onCreated?: () => void }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  const [, create] = useMutation(CreateNegotiationMutation);
  const [, update] = useMutation(UpdateNegotiationMutation);
  const [kind, setKind] = useState<NegotiationKind>(negotiation?.kind ?? 'HYTE_ANNUAL');
  const [title, setTitle] = useState(negotiation?.title ?? '');
  const [year, setYear] = useState(String(negotiation?.year ?? yearInFinland()));
  const [group, setGroup] = useState(negotiation?.municipalityGroup ?? '');
  const [legalBasis, setLegalBasis] = useState(negotiation?.legalBasis ?? '');
  const [heldOn, setHeldOn] = useState(negotiation?.heldOn ?? '');
  const [summary, setSummary] = useState(negotiation?.outcomeSummary ?? '');
  // undefined: every party (a new negotiation's default); otherwise the ticked ones.
  const [chosen, setChosen] = useState<ReadonlySet<string> | undefined>(
    negotiation ? new Set(negotiation.parties.map((p) => p.id)) : undefined,
  );
  const save = useVersionedSave(negotiation?.version ?? 0);
  const { error, setError, setStatus } = save;
  const titleInput = useRef<HTMLInputElement>(null);
  const parties = data?.parties ?? [];
  const chosenIds = chosen ? parties.filter((p) => chosen.has(p.id)).map((p) => p.id) : parties.map((p) => p.id);
  const editing = negotiation !== undefined;
  const prefix = editing ? 'negotiation-edit' : 'negotiation-new';

  // Opening the form for another row moves the keyboard there, so the edit is not lost below the table.
  useEffect(() => {
    if (editing) titleInput.current?.focus();
  }, [editing, negotiation?.id]);

  const { setInvalid, clear, messageFor, errorId, aria, errorText } = useFieldErrors<Field>(prefix, error, setError);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.begin();
    const problems: FieldProblems<Field> = {};
    if (title.trim() === '') problems.title = 'neg.form.titleRequired';
    if (!/^\d{4}$/.test(year.trim())) problems.year = 'neg.form.yearInvalid';
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    const common = {
      title: title.trim(),
      year: Number(year.trim()),
      municipalityGroup: optionalText(group),
      legalBasis: optionalText(legalBasis),
      heldOn: optionalText(heldOn),
      outcomeSummary: optionalText(summary),
    };
    if (negotiation) {
      const partiesChanged = !sameIds(
        chosenIds,
        negotiation.parties.map((p) => p.id),
      );
      const saved = await save.update(
        (expectedVersion) =>
          update({
            id: negotiation.id,
            expectedVersion,
            input: { ...common, ...(partiesChanged ? { partyIds: chosenIds } : {}) },
          }),
        (data) => data.updateNegotiation,
        { shownVersion: negotiation.version },
      );
      if (saved) {
        setChosen(new Set(saved.parties.map((p) => p.id)));
        setStatus(t('neg.form.saved', { version: saved.version }));
      }
      return;
    }
    const created = await save.create(
      () => create({ input: { ...common, kind, partyIds: chosenIds } }),
      (data) => data.createNegotiation,
    );
    if (!created) return;
    setStatus(t('neg.form.created', { title: common.title }));
    setTitle('');
    setSummary('');
    onCreated?.();
  }

  const submitLabel = t(editing ? 'neg.form.save' : 'neg.form.create');
  return (
    <section className="yp-card" aria-labelledby={`${prefix}-heading`} data-testid={prefix}>
      <Heading variant="h2" id={`${prefix}-heading`}>
        {negotiation ? t('neg.form.editTitle', { title: negotiation.title }) : t('neg.form.newTitle')}
      </Heading>
      {editing && <p className="yp-muted">{t('coop.form.editing', { version: save.baseVersion })}</p>}
      <form onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        {negotiation ? (
          <p className="yp-coop-fixed">
            <span className="yp-coop-fixed__label">{t('neg.form.kind')}</span>
            {t('neg.form.kindFixed', { kind: negotiationKindLabel(t, negotiation.kind) })}
          </p>
        ) : (
          <SelectField<NegotiationKind>
            id={`${prefix}-kind`}
            name="kind"
            label={t('neg.form.kind')}
            value={kind}
            options={negotiationKinds.map((v) => ({ value: v, label: negotiationKindLabel(t, v) }))}
            onChange={(v) => v && (setKind(v), clear('kind'))}
            error={messageFor('kind')}
          />
        )}
        <label className="yp-coop-wide">
          {t('neg.form.title')}
          <input
            name="title"
            ref={titleInput}
            value={title}
            required
            onChange={(e) => (setTitle(e.target.value), clear('title'))}
            {...aria('title')}
          />
          {errorText('title')}
        </label>
        <label>
          {t('neg.form.year')}
          <input
            name="year"
            inputMode="numeric"
            value={year}
            required
            onChange={(e) => (setYear(e.target.value), clear('year'))}
            {...aria('year')}
          />
          {errorText('year')}
        </label>
        <label>
          {t('neg.form.group')}
          <input
            name="municipalityGroup"
            value={group}
            onChange={(e) => (setGroup(e.target.value), clear('municipalityGroup'))}
            {...aria('municipalityGroup')}
          />
          {errorText('municipalityGroup')}
        </label>
        <label>
          {t('neg.form.legalBasis')}
          <input
            name="legalBasis"
            value={legalBasis}
            onChange={(e) => (setLegalBasis(e.target.value), clear('legalBasis'))}
            {...aria('legalBasis')}
          />
          {errorText('legalBasis')}
        </label>
        <DateField
          id={`${prefix}-heldOn`}
          name="heldOn"
          label={t('neg.form.heldOn')}
          value={heldOn}
          onChange={(v) => (setHeldOn(v), clear('heldOn'))}
          error={messageFor('heldOn')}
        />
        <label className="yp-coop-wide">
          {t('neg.form.summary')}
          <textarea
            name="outcomeSummary"
            rows={3}
            value={summary}
            onChange={(e) => (setSummary(e.target.value), clear('outcomeSummary'))}
            {...aria('outcomeSummary')}
          />
          {errorText('outcomeSummary')}
        </label>
        <fieldset className="yp-coop-themes" aria-describedby={messageFor('partyIds') ? errorId('partyIds') : undefined}>
          <legend>{t('agr.form.parties', { count: chosenIds.length })}</legend>
          {parties.map((p) => (
            <label key={p.id} className="yp-coop-check">
              <input
                type="checkbox"
                name="partyIds"
                value={p.id}
                checked={chosen ? chosen.has(p.id) : true}
                onChange={(e) => {
                  const next = new Set(chosen ?? parties.map((x) => x.id));
                  if (e.target.checked) next.add(p.id);
                  else next.delete(p.id);
                  setChosen(next);
                  clear('partyIds');
                }}
              />
              {name(p.names)}
            </label>
          ))}
          {errorText('partyIds')}
        </fieldset>
        <SaveFooter save={save} label={submitLabel} statusTestId={`${prefix}-status`} />
      </form>
    </section>
  );
}
