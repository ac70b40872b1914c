import { Card } from '../../components/Card';
import type { PresenceChangedSubscription } from '../../graphql/generated/graphql';
import { byPlaceName } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { colorFor } from './useCoEditedDocument';

type Presence = PresenceChangedSubscription['presenceChanged'][number];

/**
 * Who is in the room now, grouped by party; updated as people join, leave or lose their connection.
 * An account that sits in the meeting's body as a person is named as that person (`personNames`, by user id: the
 * name the attendance table and the minutes use), so one human has one name in the room; any other account by its
 * display name. The viewer's own row says so in words ("(sinä)"), not by colour.
 * A `reader` (who may read the meeting but not take part in it) is told they are not shown among them.
 */
export function PresencePanel({
  presence,
  reader = false,
  personNames,
  viewerId,
}: {
  presence: readonly Presence[] | undefined;
  reader?: boolean;
  personNames?: ReadonlyMap<string, string>;
  viewerId?: string;
}) {
  const { t, name } = useI18n();
  const groups = new Map<string, { label: string; people: Presence[] }>();
  for (const p of presence ?? []) {
    const key = p.party?.id ?? '-';
    const g = groups.get(key) ?? { label: p.party ? name(p.party.names) : t('meet.noParty'), people: [] };
    g.people.push(p);
    groups.set(key, g);
  }
  const sorted = byPlaceName([...groups.values()], (g) => g.label);
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
                <li key={p.user.id} data-self={p.user.id === viewerId || undefined}>
                  <span className="yp-dot" style={{ backgroundColor: colorFor(p.user.id) }} aria-hidden="true" />{' '}
                  {personNames?.get(p.user.id) ?? p.user.displayName}
                  {p.user.id === viewerId && <span className="yp-self"> {t('meet.you')}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
