import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { useRef, useState, type FormEvent } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation, useQuery } from 'urql';
import { useFieldErrors, type FieldProblems } from '../../components/useFieldErrors';
import type { AgreementType } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { agreementTypeLabel, agreementTypes } from './cooperation.labels';
import { AgreementPartyOptionsQuery, CreateAgreementMutation, UpdateAgreementMutation } from './agreements.documents';
import { optionalText, sameIds } from './forms.util';
import { SaveFooter, useVersionedSave } from './useVersionedSave';

/** The fields, named by their path in the mutation input so BAD_USER_INPUT `fields` map onto them. */
type Field = 'titles.fi' | 'titles.sv' | 'titles.en' | 'type' | 'validFrom' | 'validTo' | 'partyIds';

/** What the edit form needs of an agreement. */
export interface EditableAgreement {
  id: string;
  titles: { fi: string; sv?: string | null; en?: string | null };
  type: AgreementType;
  validFrom?: string | null;
  validTo?: string | null;
  version: number;
  parties: readonly { id: string }[];
}

/**
 * The secretariat's form for an agreement: without `agreement` it creates one
 * with every party preselected; with it, it edits that agreement against the
 * version it showed. A refused save (CONFLICT) is said in words and keeps
 * what the user typed; saving again replaces the current version.
 */
export function AgreementForm({ agreement, onCreated }: { agreement?: EditableAgreement; onCreated?: () => void }) {
  const { t, name } = useI18n();
  const [{ data }] = useQuery({ query: AgreementPartyOptionsQuery });
  const [, create] = useMutation(CreateAgreementMutation);
  const [, update] = useMutation(UpdateAgreementMutation);
  const [titles, setTitles] = useState({
    fi: agreement?.titles.fi ?? '',
    sv: agreement?.titles.sv ?? '',
    en: agreement?.titles.en ?? '',
  });
  const [type, setType] = useState<AgreementType>(agreement?.type ?? 'COOPERATION_PROTOCOL');
  const [validFrom, setValidFrom] = useState(agreement?.validFrom ?? '');
  const [validTo, setValidTo] = useState(agreement?.validTo ?? '');
  // undefined: every party (a new agreement's default, before the list has loaded); otherwise the ticked ones.
  const [chosen, setChosen] = useState<ReadonlySet<string> | undefined>(
    agreement ? new Set(agreement.parties.map((p) => p.id)) : undefined,
  );
  const save = useVersionedSave(agreement?.version ?? 0);
  const { error, setError, setStatus } = save;
  const firstInput = useRef<HTMLInputElement>(null);
  const parties = data?.parties ?? [];
  const chosenIds = chosen ? parties.filter((p) => chosen.has(p.id)).map((p) => p.id) : parties.map((p) => p.id);
  const editing = agreement !== undefined;
  const prefix = editing ? 'agreement-edit' : 'agreement-new';

  const { setInvalid, clear, messageFor, errorId, aria, errorText } = useFieldErrors<Field>(prefix, error, setError);

  function toggle(id: string, on: boolean) {
    const next = new Set(chosen ?? parties.map((p) => p.id));
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    clear('partyIds');
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.begin();
    const problems: FieldProblems<Field> = {};
    if (titles.fi.trim() === '') problems['titles.fi'] = 'agr.form.fiRequired';
    if (validFrom && validTo && validTo <= validFrom) problems.validTo = 'agr.form.validityOrder';
    if (chosenIds.length === 0) problems.partyIds = 'agr.form.partiesRequired';
    setInvalid(problems);
    if (Object.keys(problems).length > 0) {
      if (problems['titles.fi']) firstInput.current?.focus();
      return;
    }
    const common = {
      titles: { fi: titles.fi.trim(), sv: optionalText(titles.sv), en: optionalText(titles.en) },
      type,
      validFrom: optionalText(validFrom),
      validTo: optionalText(validTo),
    };
    if (agreement) {
      // Parties go only when changed: the server replaces them, and an unchanged list need not be rewritten.
      const partiesChanged = !sameIds(
        chosenIds,
        agreement.parties.map((p) => p.id),
      );
      const saved = await save.update(
        (expectedVersion) =>
          update({ id: agreement.id, expectedVersion, input: { ...common, ...(partiesChanged ? { partyIds: chosenIds } : {}) } }),
        (data) => data.updateAgreement,
        { shownVersion: agreement.version },
      );
      if (saved) {
        setChosen(new Set(saved.parties.map((p) => p.id)));
        setStatus(t('agr.form.saved', { version: saved.version }));
      }
      return;
    }
    const created = await save.create(
      () => create({ input: { ...common, partyIds: chosenIds } }),
      (data) => data.createAgreement,
    );
    if (!created) return;
    setStatus(t('agr.form.created', { title: common.titles.fi }));
    setTitles({ fi: '', sv: '', en: '' });
    onCreated?.();
  }

  const submitLabel = t(editing ? 'agr.form.save' : 'agr.form.create');
  return (
    <section className="yp-card" aria-labelledby={`${prefix}-heading`} data-testid={prefix}>
      <Heading variant="h2" id={`${prefix}-heading`}>
        {t(editing ? 'agr.form.editTitle' : 'agr.form.newTitle')}
      </Heading>
      {editing && <p className="yp-muted">{t('coop.form.editing', { version: save.baseVersion })}</p>}
      <form onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        {(['fi', 'sv', 'en'] as const).map((lang) => (
          <label key={lang}>
            {t(`agr.form.title.${lang}`)}
            <input
              name={`titles.${lang}`}
              lang={lang}
              ref={lang === 'fi' ? firstInput : undefined}
              value={titles[lang]}
              required={lang === 'fi'}
              onChange={(e) => {
                setTitles((v) => ({ ...v, [lang]: e.target.value }));
                clear(`titles.${lang}`);
              }}
              {...aria(`titles.${lang}`)}
            />
            {errorText(`titles.${lang}`)}
          </label>
        ))}
        <SelectField<AgreementType>
          id={`${prefix}-type`}
          name="type"
          label={t('agr.form.type')}
          value={type}
          options={agreementTypes.map((v) => ({ value: v, label: agreementTypeLabel(t, v) }))}
          onChange={(v) => v && (setType(v), clear('type'))}
          error={messageFor('type')}
        />
        <DateField
          id={`${prefix}-validFrom`}
          name="validFrom"
          label={t('agr.form.validFrom')}
          value={validFrom}
          onChange={(v) => (setValidFrom(v), clear('validFrom'), clear('validTo'))}
          error={messageFor('validFrom')}
        />
        <DateField
          id={`${prefix}-validTo`}
          name="validTo"
          label={t('agr.form.validTo')}
          value={validTo}
          onChange={(v) => (setValidTo(v), clear('validTo'))}
          error={messageFor('validTo')}
        />
        <fieldset
          className="yp-coop-themes"
          aria-describedby={
            [editing ? `${prefix}-parties-hint` : '', messageFor('partyIds') ? errorId('partyIds') : ''].join(' ').trim() ||
            undefined
          }
        >
          <legend>{t('agr.form.parties', { count: chosenIds.length })}</legend>
          {editing && (
            <p className="yp-muted yp-coop-hint" id={`${prefix}-parties-hint`}>
              {t('agr.form.partiesHint')}
            </p>
          )}
          {parties.map((p) => (
            <label key={p.id} className="yp-coop-check">
              <input
                type="checkbox"
                name="partyIds"
                value={p.id}
                checked={chosen ? chosen.has(p.id) : true}
                onChange={(e) => toggle(p.id, e.target.checked)}
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
