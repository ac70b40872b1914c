import { useI18n } from '../../i18n/useI18n';
import type { SyncStatus } from '../documents/DocumentSync';

/** Says whether edits are saved, waiting, or held locally while offline (a live region, announced politely). */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const state = !status.online ? 'offline' : status.pending > 0 ? 'saving' : status.error ? 'error' : 'saved';
  const text =
    state === 'offline'
      ? status.pending > 0
        ? t('meet.sync.offlineUnsaved', { count: status.pending })
        : t('meet.sync.offline')
      : state === 'saving'
        ? t('meet.sync.saving')
        : state === 'error'
          ? t('meet.sync.error')
          : t('meet.sync.saved');
  return (
    <span role="status" className={`yp-sync yp-sync--${state}`} data-sync={state}>
      {text}
    </span>
  );
}
