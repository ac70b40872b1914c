import { SelectField } from '../../components/SelectField';
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { LabelledInput, TitleInput } from '../../components/LabelledInput';
import type { AgreementSectionKind, SectionFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { sectionKindLabel, sectionKinds } from './cooperation.labels';
import { AddAgreementSectionMutation, UpdateAgreementSectionMutation } from './agreements.documents';
import { updateOf, useVersionedForm } from './useVersionedSave';
import { VersionedForm } from './VersionedForm';

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
  const titleInput = useRef<HTMLInputElement>(null);
  const prefix = section ? `section-edit-${section.id}` : 'section-new';

  // The form opens where its button was; the keyboard follows it there.
  useEffect(() => titleInput.current?.focus(), []);

  const form = useVersionedForm<Field>(section, prefix);
  const { save, errors } = form;
  const { check, bind } = errors;

  async function onSave() {
    save.begin();
    if (!check(title.trim() === '' ? { title: 'agr.sec.headingRequired' } : {})) return;
    const input = { kind, title: title.trim(), body };
    await save.submit(
      section && {
        ...updateOf(section, update, input),
        pick: (data) => data.updateAgreementSection,
        said: (saved) => t('agr.sec.saved', { version: saved.version }),
      },
      {
        send: () => add({ agreementId, input: { ...input, sortOrder } }),
        pick: (data) => data.addAgreementSection,
        said: (created) => t('agr.sec.created', { title: created.title }),
        then: () => {
          setTitle('');
          setBody('');
        },
      },
    );
  }

  const submitLabel = t(section ? 'agr.sec.save' : 'agr.sec.create');
  return (
    <VersionedForm
      title={section ? t('agr.sec.editTitle', { title: section.title }) : t('agr.sec.newTitle')}
      level="h3"
      className="yp-card yp-coop-subcard"
      testId={section ? 'section-edit' : 'section-new'}
      form={form}
      onSave={onSave}
      submitLabel={submitLabel}
    >
      <SelectField<AgreementSectionKind>
        label={t('agr.sec.kind')}
        value={kind}
        options={sectionKinds.map((k) => ({ value: k, label: sectionKindLabel(t, k) }))}
        {...bind('kind', (k: AgreementSectionKind | '') => k && setKind(k))}
      />
      <TitleInput errors={errors} label={t('agr.sec.heading')} value={title} onChange={setTitle} inputRef={titleInput} />
      <LabelledInput
        errors={errors}
        field="body"
        label={t('agr.sec.body')}
        className="yp-coop-wide"
        rows={6}
        value={body}
        onChange={setBody}
      />
    </VersionedForm>
  );
}
