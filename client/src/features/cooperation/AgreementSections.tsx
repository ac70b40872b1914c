import { useState } from 'react';
import { Button, Heading } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ActionOutcome } from '../../components/ActionOutcome';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { SectionFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { Card } from '../../components/Card';
import { ToggleButton } from '../../components/ToggleButton';
import { sectionKindLabel } from './cooperation.labels';
import { UpdateAgreementSectionMutation } from './agreements.documents';
import { SectionForm } from './SectionForm';
import { kindNote, moveSection, nextSortOrder, sortSections } from './sectionOrder';

/**
 * The agreement's text, section by section. The secretariat edits a section
 * in place, moves it up or down (through sortOrder) and adds sections at the
 * end; everyone else reads.
 */
export function AgreementSections({
  agreementId,
  sections,
  canEdit,
}: {
  agreementId: string;
  sections: readonly SectionFieldsFragment[];
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const [, update] = useMutation(UpdateAgreementSectionMutation);
  const [editingId, setEditingId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const ordered = sortSections(sections);
  if (ordered.length === 0 && !canEdit) return null;

  async function move(index: number, step: -1 | 1) {
    const section = ordered[index];
    if (!section) return;
    setError(undefined);
    setStatus('');
    setMoving(true);
    // One update per section whose place changes, each against the version shown; the first refusal stops the move.
    for (const change of moveSection(ordered, index, step)) {
      const result = await update({
        id: change.id,
        expectedVersion: change.expectedVersion,
        input: { sortOrder: change.sortOrder },
      });
      if (!result.data) {
        setMoving(false);
        setError(toApiError(result.error));
        return;
      }
    }
    setMoving(false);
    setStatus(t('agr.sec.moved', { title: section.title, position: index + step + 1, total: ordered.length }));
    // The buttons moved with the section; keep the keyboard on the one just used (or its twin at an end).
    const again = document.getElementById(`section-${step < 0 ? 'up' : 'down'}-${section.id}`);
    const twin = document.getElementById(`section-${step < 0 ? 'down' : 'up'}-${section.id}`);
    (again && !again.hasAttribute('disabled') ? again : twin)?.focus();
  }

  return (
    <Card headingId="sections-heading" title={t('agr.sections')} testId="agreement-sections">
      {ordered.length === 0 && <p className="yp-muted">{t('agr.sec.none')}</p>}
      {ordered.map((s, i) => (
        <article key={s.id} className="yp-coop-section" data-section-id={s.id} aria-labelledby={`section-${s.id}-title`}>
          <Heading variant="h3" id={`section-${s.id}-title`}>
            {s.title}
          </Heading>
          {kindNote(s.title, sectionKindLabel(t, s.kind)) && (
            <p className="yp-coop-section__kind">
              {t('agr.sec.kind')}: {sectionKindLabel(t, s.kind)}
            </p>
          )}
          <p className="yp-coop-section__body">{s.body}</p>
          {canEdit && (
            <div className="yp-actions yp-coop-section__actions">
              <Button
                variant="secondary"
                aria-expanded={editingId === s.id}
                aria-label={t('agr.sec.editLabel', { title: s.title })}
                onClick={() => setEditingId((open) => (open === s.id ? undefined : s.id))}
              >
                {t('agr.sec.edit')}
              </Button>
              <Button
                variant="secondaryNoBorder"
                id={`section-up-${s.id}`}
                disabled={i === 0 || moving}
                aria-label={t('agr.sec.upLabel', { title: s.title })}
                onClick={() => void move(i, -1)}
              >
                {t('agr.sec.up')}
              </Button>
              <Button
                variant="secondaryNoBorder"
                id={`section-down-${s.id}`}
                disabled={i === ordered.length - 1 || moving}
                aria-label={t('agr.sec.downLabel', { title: s.title })}
                onClick={() => void move(i, 1)}
              >
                {t('agr.sec.down')}
              </Button>
            </div>
          )}
          {canEdit && editingId === s.id && (
            <SectionForm key={s.id} agreementId={agreementId} section={s} sortOrder={s.sortOrder} />
          )}
        </article>
      ))}
      <ActionOutcome error={error} status={status} testId="sections-status" />
      {canEdit && (
        <>
          <ToggleButton open={adding} setOpen={setAdding} label={t('agr.sec.add')} closeLabel={t('agr.form.close')} />
          {adding && <SectionForm agreementId={agreementId} sortOrder={nextSortOrder(ordered)} />}
        </>
      )}
    </Card>
  );
}
