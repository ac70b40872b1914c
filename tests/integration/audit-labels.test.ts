import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../server/realtime/topics.js';
import { entityTypeLabel, eventLabel } from '../../client/src/features/analytics/analytics.labels.js';
import { analyticsEn } from '../../client/src/features/analytics/analytics.en.js';
import { analyticsFi } from '../../client/src/features/analytics/analytics.fi.js';
import { analyticsSv } from '../../client/src/features/analytics/analytics.sv.js';
import type { Translate } from '../../client/src/i18n/i18n.js';

/**
 * The audit trail (client) names every event the server records (server/realtime/topics.ts)
 * and every type of record it concerns, in each language, instead of showing a raw name
 * such as `notification.created`.
 */
const catalogues = { fi: analyticsFi, sv: analyticsSv, en: analyticsEn };

describe.each(Object.entries(catalogues))('audit trail labels in %s', (_locale, catalogue) => {
  const words: Record<string, string> = catalogue;
  const t = ((key: string) => words[key] ?? key) as Translate;

  it.each(Object.values(EVENTS))('names the event $name and its record type $entityType', ({ name, entityType }) => {
    expect(eventLabel(t, name)).not.toBe(name);
    expect(eventLabel(t, name)).toBe(words[`audit.event.${name}`]);
    expect(entityTypeLabel(t, entityType)).toBe(words[`audit.entity.${entityType}`]);
    expect(words[`audit.entity.${entityType}`]).toBeTruthy();
  });
});
