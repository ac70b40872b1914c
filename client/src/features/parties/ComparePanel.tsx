import type { ReactNode } from 'react';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { DataTable } from '../../components/DataTable';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { fieldValue, partyFormFields, type PartyFormField, type PartyFormValues } from './partyForm';

const fieldLabels: Record<PartyFormField, MessageKey> = {
  'names.fi': 'party.nameFi',
  'names.sv': 'party.nameSv',
  'names.en': 'party.nameEn',
  subRegion: 'party.subRegion',
};

/**
 * Someone else's values beside the user's own, with the choices. Used for the
 * live notice (a change arrived while editing) and for a refused save (CONFLICT).
 */
export function ComparePanel({
  status,
  title,
  children,
  theirs,
  mine,
  onKeepTheirs,
  onApplyMine,
  busy,
  testId,
}: {
  status: 'warning' | 'error';
  title: string;
  children: ReactNode;
  theirs: PartyFormValues;
  mine: PartyFormValues;
  onKeepTheirs: () => void;
  onApplyMine?: (() => void) | undefined;
  busy?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const show = (value: string) => (value.trim() === '' ? <span className="yp-meta">{t('party.notSet')}</span> : value);
  return (
    <div className="yp-compare" data-testid={testId}>
      <InlineAlert status={status} labelText={title} role={status === 'error' ? 'alert' : 'status'}>
        {children}
      </InlineAlert>
      <DataTable
        caption={t('edit.compareCaption')}
        captionHidden
        columns={[t('edit.compareField'), t('edit.theirs'), t('edit.mine')]}
        wrap="none"
        compact
      >
        {partyFormFields.map((field) => {
          const a = fieldValue(theirs, field);
          const b = fieldValue(mine, field);
          const differs = a.trim() !== b.trim();
          return (
            <tr key={field} className={differs ? 'yp-row--differs' : undefined} data-field={field}>
              <th scope="row">{t(fieldLabels[field])}</th>
              <td data-testid={`theirs-${field}`}>{show(a)}</td>
              <td data-testid={`mine-${field}`}>{differs ? <strong>{show(b)}</strong> : show(b)}</td>
            </tr>
          );
        })}
      </DataTable>
      <div className="yp-actions">
        <Button variant="secondary" onClick={onKeepTheirs} disabled={busy}>
          {t('edit.keepTheirs')}
        </Button>
        {onApplyMine && (
          <Button onClick={onApplyMine} disabled={busy}>
            {t('edit.applyMine')}
          </Button>
        )}
      </div>
    </div>
  );
}
