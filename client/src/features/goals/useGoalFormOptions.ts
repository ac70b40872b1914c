import { useMemo } from 'react';
import { useQuery } from 'urql';
import { collator, placeNames, type LocalizedNames } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { GoalFormOptionsQuery } from './goals.documents';

/**
 * The choices of the goal and measure forms (GoalFormOptionsQuery): parties and cooperation bodies as options
 * sorted by name (parties in Finnish order, bodies in the reader's language), indicators named with their unit, and the needs with their actions.
 */
export function useGoalFormOptions() {
  const { name, lang } = useI18n();
  const [{ data }] = useQuery({ query: GoalFormOptionsQuery });
  return useMemo(() => {
    const byName = (records: readonly { id: string; names: LocalizedNames }[], c: Intl.Collator) =>
      records.map((r) => ({ value: r.id, label: name(r.names) })).sort((a, b) => c.compare(a.label, b.label));
    return {
      // Party names are Finnish place names: Finnish order whatever the language; a body's name sorts in the reader's.
      parties: byName(data?.parties ?? [], placeNames),
      bodies: byName(data?.cooperationBodies ?? [], collator(lang)),
      indicators: (data?.indicators ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.unit ? ` (${i.unit})` : ''}` })),
      needs: data?.serviceNeeds.edges.map((e) => e.node) ?? [],
    };
  }, [data, name, lang]);
}
