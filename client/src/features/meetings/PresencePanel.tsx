import { Card } from '../../components/Card';
import type { PresenceChangedSubscription } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { colorFor } from './useCoEditedDocument';

type Presence = PresenceChangedSubscription['presenceChanged'][number];

/**
 * Who is in the room now, grouped by party; updated as people join, leave or lose their connection.
 * A `reader` (who may read the meeting but not take part in it) is told they are not shown among them.
 */
export function PresencePanel({ presence, reader = false }: { presence: readonly Presence[] | undefined; reader?: boolean }) {
  const { t, name } = useI18n();
  const groups = new Map<string, { label: string; people: Presence[] }>();
  for (const p of presence ?? []) {
    const key = p.party?.id ?? '-';
    const g = groups.get(key) ?? { label: p.party ? name(p.party.names) : t('meet.noParty'), people: [] };
    g.people.push(p);
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Card
      headingId="presence"
      title={t('meet.presence', { count: presence?.length ?? 0 })}
      className="yp-room__panel"
      headingClassName="yp-room__h"
      testId="presence"
    >
      {reader && (
        <p className="yp-meta" data-testid="presence-reader">
          {t('meet.presenceReader')}
        </p>
      )}
      {presence && presence.length === 0 && <p className="yp-meta">{t('meet.presenceNone')}</p>}
      <ul className="yp-presence">
        {sorted.map((g) => (
          <li key={g.label}>
            <span className="yp-presence__party">{g.label}</span>
            <ul>
              {g.people.map((p) => (
                <li key={p.user.id}>
                  <span className="yp-dot" style={{ backgroundColor: colorFor(p.user.id) }} aria-hidden="true" />{' '}
                  {p.user.displayName}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
