import { useI18n } from '../../i18n/useI18n';
import { InlineLinks } from '../../components/InlineLinks';

/** The service needs an agenda item is about, as links; nothing when there are none. */
export function RelatedNeeds({ needs }: { needs: readonly { id: string; title: string }[] }) {
  const { t } = useI18n();
  if (needs.length === 0) return null;
  return (
    <p className="yp-meta">
      {t('meet.relatedNeeds')}: <InlineLinks links={needs.map((n) => ({ id: n.id, to: `/needs/${n.id}`, label: n.title }))} />
    </p>
  );
}
