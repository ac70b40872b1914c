import './needs.messages';
import type { NeedStatus, Priority } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { priorityLabel, statusLabel } from './needs.labels';

/** A need's status as a coloured tag (colour is never the only cue: the text says it). */
export function StatusTag({ status }: { status: NeedStatus }) {
  const { t } = useI18n();
  return <span className={`yp-tag yp-tag--status yp-status--${status}`}>{statusLabel(t, status)}</span>;
}

/** A need's priority; nothing when none is set. */
export function PriorityTag({ priority }: { priority: Priority | null | undefined }) {
  const { t } = useI18n();
  if (!priority) return <span className="yp-meta">–</span>;
  return <span className={`yp-tag yp-prio--${priority}`}>{priorityLabel(t, priority)}</span>;
}

/** "Demo" beside seeded demonstration needs. */
export function DemoTag({ demo }: { demo: boolean }) {
  const { t } = useI18n();
  return demo ? <span className="yp-tag yp-tag--demo">{t('needs.demo')}</span> : null;
}
