import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { useFieldErrors } from '../../components/useFieldErrors';
import type { AgreementSectionKind, SectionFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { sectionKindLabel, sectionKinds } from './cooperation.labels';
import { AddAgreementSectionMutation, UpdateAgreementSectionMutation } from './agreements.documents';
import { SaveFooter, useVersionedSave } from './useVersionedSave';

type Field = 'kind' | 'title' | 'body';

/**
 * The secretariat's form for one section of an agreement's text: without
 * `section` it adds one at `sortOrder` (the end); with it, it edits that
 * section against the version it showed. A CONFLICT is said in words and
 * keeps what the user typed.
 */
export function SectionForm({
  agreementId,
  section,
  sortOrder,
}: {
  agreementId: string;
  section?: SectionFieldsFragment;
  sortOrder: number;
}) {
  const { t } = useI18n();
  const [, add] = useMutation(AddAgreementSectionMutation);
  const [, update] = useMutation(UpdateAgreementSectionMutation);
  const [kind, setKind] = useState<AgreementSectionKind>(section?.kind ?? 'OTHER');
  const [title, setTitle] = useState(section?.title ?? '');
  const [body, setBody] = useState(section?.body ?? '');
  const save = useVersionedSave(section?.version ?? 0);
  const { error, setError, setStatus } = save;
  const titleInput = useRef<HTMLInputElement>(null);
  const prefix = section ? `section-edit-${section.id}` : 'section-new';

  // The form opens where its button was; the keyboard follows it there.
  useEffect(() => titleInput.current?.focus(), []);

  const { setInvalid, clear, aria, errorText, messageFor } = useFieldErrors<Field>(prefix, error, setError);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.begin();
    if (title.trim() === '') {
      setInvalid({ title: 'agr.sec.headingRequired' });
      titleInput.current?.focus();
      return;
    }
    setInvalid({});
    if (section) {
      const saved = await save.update(
        (expectedVersion) => update({ id: section.id, expectedVersion, input: { kind, title: title.trim(), body } }),
        (data) => data.updateAgreementSection,
        { shownVersion: section.version },
      );
      if (saved) setStatus(t('agr.sec.saved', { version: saved.version }));
      return;
    }
    const created = await save.create(
      () => add({ agreementId, input: { kind, title: title.trim(), body, sortOrder } }),
      (data) => data.addAgreementSection,
    );
    if (!created) return;
    setStatus(t('agr.sec.created', { title: created.title }));
    setTitle('');
    setBody('');
  }

  const submitLabel = t(section ? 'agr.sec.save' : 'agr.sec.create');
  return (
    <section
      className="yp-card yp-coop-subcard"
      aria-labelledby={`${prefix}-heading`}
      data-testid={section ? 'section-edit' : 'section-new'}
    >
      <Heading variant="h3" id={`${prefix}-heading`}>
        {section ? t('agr.sec.editTitle', { title: section.title }) : t('agr.sec.newTitle')}
      </Heading>
      {section && <p className="yp-muted">{t('coop.form.editing', { version: save.baseVersion })}</p>}
      <form onSubmit={(e) => void onSubmit(e)} className="yp-form yp-coop-form" noValidate>
        <SelectField<AgreementSectionKind>
          id={`${prefix}-kind`}
          name="kind"
          label={t('agr.sec.kind')}
          value={kind}
          options={sectionKinds.map((k) => ({ value: k, label: sectionKindLabel(t, k) }))}
          onChange={(k) => k && (setKind(k), clear('kind'))}
          error={messageFor('kind')}
        />
        <label className="yp-coop-wide">
          {t('agr.sec.heading')}
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
        <label className="yp-coop-wide">
          {t('agr.sec.body')}
          <textarea
            name="body"
            rows={6}
            value={body}
            onChange={(e) => (setBody(e.target.value), clear('body'))}
            {...aria('body')}
          />
          {errorText('body')}
        </label>
        <SaveFooter save={save} label={submitLabel} statusTestId={`${section ? 'section-edit' : 'section-new'}-status`} />
      </form>
    </section>
  );
}
