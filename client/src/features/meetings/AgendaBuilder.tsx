import { ActionOutcome } from '../../components/ActionOutcome';
import { InlineConfirm } from '../../components/InlineConfirm';
import { Section } from '../../components/Card';
import { useRef, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { MeetingQuery } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useFormFocus } from '../cooperation/useFormFocus';
import { AddItemForm } from './AddItemForm';
import { EditItemForm } from './EditItemForm';
import { RemoveAgendaItemMutation, ReorderAgendaMutation } from './meetings.documents';
import { secrecyLabel } from './meetings.labels';
import { sectionsPublished } from './meetings.rules';
import { RelatedNeeds } from './RelatedNeeds';
import { sectionTitle } from './sectionMark';
import { useAgendaFocus } from './useAgendaFocus';
import { useStatusLine } from './useStatusLine';

type Meeting = NonNullable<MeetingQuery['meeting']>;

/** The agenda as a list; those who run the meeting reorder, remove and add items while the agenda may change. */
export function AgendaBuilder({ meeting: m }: { meeting: Meeting }) {
  const { t } = useI18n();
  const [, reorder] = useMutation(ReorderAgendaMutation);
  const [, remove] = useMutation(RemoveAgendaItemMutation);
  const [error, setError] = useState<ApiError>();
  const [status, setStatus] = useStatusLine(m.status);
  const [editingId, setEditingId] = useState<string>();
  // The keyboard goes into the item's form when 'Muokkaa' opens it and back to that button on cancel or save
  // (useFormFocus); the last opened item's button keeps the ref after the form closes, so the focus has a target.
  // A save closes the form and says so in the agenda's live region (`status`), as the goal forms do.
  const [openerId, setOpenerId] = useState<string>();
  const editOpener = useRef<HTMLButtonElement>(null);
  const editBox = useRef<HTMLDivElement>(null);
  useFormFocus(editingId !== undefined, editBox, editOpener);
  const editable = m.viewerCan.editAgenda;
  // "Poista" first asks (InlineConfirm); after a move or a removal the keyboard follows (useAgendaFocus).
  const [removing, setRemoving] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { listRef, focusAfter } = useAgendaFocus(m.agenda);
  // Published § numbers stay (the server keeps them): a move is the order of handling, an item is not removed.
  const fixed = sectionsPublished(m.status);
  async function move(index: number, delta: number) {
    const ids = m.agenda.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    setError(undefined);
    const r = await reorder({ meetingId: m.id, expectedVersion: m.version, itemIds: ids });
    if (r.error) setError(toApiError(r.error));
    else {
      setStatus(t('meet.reordered', { title: m.agenda[index]!.title, position: index + delta + 1 }));
      focusAfter({ moved: moved!, to: index + delta, button: delta < 0 ? 'up' : 'down' });
    }
  }
  async function removeItem(index: number) {
    const item = m.agenda[index]!;
    setError(undefined);
    setBusy(true);
    try {
      const r = await remove({ id: item.id, expectedVersion: item.version });
      setRemoving(undefined);
      if (r.error) {
        setError(toApiError(r.error));
        focusAfter({ button: 'remove', of: item.id });
      } else {
        setStatus(t('meet.itemRemoved', { title: item.title }));
        focusAfter({ removed: item.id, next: (m.agenda[index + 1] ?? m.agenda[index - 1])?.id });
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section headingId="agenda" title={t('meet.agenda')} className="yp-mt-m">
      {m.agenda.length === 0 && (
        <p>{m.status === 'PLANNED' && !m.viewerCan.manage ? t('meet.agendaDraft') : t('meet.agendaEmpty')}</p>
      )}
      {editable && fixed && m.agenda.length > 0 && (
        <p className="yp-meta" data-testid="sections-fixed">
          {t('meet.sectionsFixed')}
        </p>
      )}
      <ol className="yp-agenda-builder" ref={listRef}>
        {m.agenda.map((item, i) => (
          <li key={item.id} className="yp-card" data-item-id={item.id}>
            <div className="yp-agenda-builder__head">
              <strong tabIndex={-1} data-item-title>
                {sectionTitle(item)}
              </strong>
              {item.publicity !== 'PUBLIC' && <span className="yp-badge yp-badge--secret">{secrecyLabel(t, item)}</span>}
            </div>
            {item.proposal && <p className="yp-agenda-builder__proposal">{item.proposal}</p>}
            {item.presenter && <p className="yp-meta">{t('meet.presenter', { name: item.presenter.name })}</p>}
            <RelatedNeeds needs={item.relatedNeeds} />
            {editable && (
              <div className="yp-actions">
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === 0}
                  data-move="up"
                  onClick={() => void move(i, -1)}
                  aria-label={t('meet.moveUp', { title: item.title })}
                >
                  ↑ {t('meet.up')}
                </Button>
                <Button
                  variant="secondaryNoBorder"
                  disabled={i === m.agenda.length - 1}
                  data-move="down"
                  onClick={() => void move(i, 1)}
                  aria-label={t('meet.moveDown', { title: item.title })}
                >
                  ↓ {t('meet.down')}
                </Button>
                {!item.restricted && (
                  <Button
                    variant="secondaryNoBorder"
                    ref={openerId === item.id ? editOpener : undefined}
                    onClick={() => {
                      setOpenerId(item.id);
                      // Opening (or closing) a form starts another action: the words of the last save are not about it.
                      setStatus('');
                      setEditingId(editingId === item.id ? undefined : item.id);
                    }}
                    aria-label={t('meet.editItem', { title: item.title })}
                    aria-expanded={editingId === item.id}
                    aria-controls={editingId === item.id ? `edit-item-box-${item.id}` : undefined}
                    data-testid="edit-item-open"
                  >
                    {t('meet.edit.open')}
                  </Button>
                )}
                {!item.decisionMode && !fixed && (
                  <Button
                    variant="secondaryNoBorder"
                    data-move="remove"
                    onClick={() => {
                      setError(undefined);
                      setStatus('');
                      setRemoving(removing === item.id ? undefined : item.id);
                    }}
                    aria-label={t('meet.removeItem', { title: item.title })}
                    aria-expanded={removing === item.id}
                    aria-controls={removing === item.id ? `remove-item-confirm-${item.id}` : undefined}
                  >
                    {t('meet.remove')}
                  </Button>
                )}
              </div>
            )}
            {editable && removing === item.id && (
              <InlineConfirm
                id={`remove-item-confirm-${item.id}`}
                testId="remove-item-confirm"
                question={t('meet.removeConfirm', { title: item.title })}
                confirmLabel={t('meet.remove')}
                cancelLabel={t('meet.confirm.cancel')}
                busy={busy}
                onConfirm={() => void removeItem(i)}
                onCancel={() => {
                  setRemoving(undefined);
                  focusAfter({ button: 'remove', of: item.id });
                }}
              />
            )}
            {!item.restricted && (
              <AttachmentsPanel
                target={{ type: 'AGENDA_ITEM', id: item.id, meetingId: m.id }}
                subject={item.title}
                headingLevel="h3"
              />
            )}
            {editable && editingId === item.id && (
              <div ref={editBox} id={`edit-item-box-${item.id}`}>
                <EditItemForm
                  meeting={m}
                  item={item}
                  onDone={() => setEditingId(undefined)}
                  onSaved={(said) => {
                    setStatus(said);
                    setEditingId(undefined);
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      <ActionOutcome error={error} status={status} testId="agenda-status" />
      {editable && <AddItemForm meeting={m} />}
    </Section>
  );
}
