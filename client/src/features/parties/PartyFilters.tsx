import { useRef } from 'react';
import { Button, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import type { PartyKind } from '../../graphql/generated/graphql';
import { partyKindLabel, partyKinds } from '../../i18n/enumLabels';
import { useI18n } from '../../i18n/useI18n';
import type { PartyFilter } from './parties.util';

/** The Dropdown's value for "every kind" (a Dropdown needs a string for each item). */
const allKinds = 'ALL';

/** Kind and text filters for the party list; the kinds offered are those present in the data. */
export function PartyFilters({
  filter,
  kinds,
  onChange,
}: {
  filter: PartyFilter;
  kinds: ReadonlySet<PartyKind>;
  onChange: (next: PartyFilter) => void;
}) {
  const { t } = useI18n();
  const offered = partyKinds.filter((kind) => kinds.has(kind));
  const active = filter.kind !== undefined || filter.text !== '';
  const textRef = useRef<HTMLInputElement>(null);
  return (
    <div className="yp-filters" role="search" aria-label={t('parties.filtersTitle')}>
      <TextInput
        labelText={t('parties.filterText')}
        id="party-filter-text"
        name="q"
        type="text"
        autoComplete="off"
        value={filter.text}
        onChange={(value) => onChange({ ...filter, text: String(value ?? '') })}
        className="yp-filters__text"
        ref={textRef}
      />
      <Dropdown<string>
        labelText={t('parties.filterKind')}
        id="party-filter-kind"
        name="kind"
        value={filter.kind ?? allKinds}
        onChange={(value) => onChange({ ...filter, kind: offered.find((kind) => kind === value) })}
        className="yp-filters__kind"
      >
        {[
          <DropdownItem key={allKinds} value={allKinds}>
            {t('parties.filterKindAll')}
          </DropdownItem>,
          ...offered.map((kind) => (
            <DropdownItem key={kind} value={kind}>
              {partyKindLabel(t, kind)}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      {active && (
        <Button
          variant="secondaryNoBorder"
          onClick={() => {
            onChange({ text: '' });
            // The button goes with the filters it cleared: focus goes to the first filter, not to the page's start.
            textRef.current?.focus();
          }}
          className="yp-filters__clear"
        >
          {t('parties.clearFilters')}
        </Button>
      )}
    </div>
  );
}
