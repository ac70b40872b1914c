import { Dropdown, DropdownItem } from 'suomifi-ui-components';

/** The Dropdown's value for "no filter" (a Dropdown needs a string for each item). */
const all = 'ALL';

/** One choice of a filter: the value it filters by and its label. */
export interface FilterOption {
  id: string;
  label: string;
}

/** A filter as a Dropdown: "all" first, then the options; `undefined` is "all", that is no filter. */
export function FilterDropdown({
  id,
  name,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Dropdown<string>
      labelText={label}
      id={id}
      name={name}
      value={value ?? all}
      onChange={(next) => onChange(next === all ? undefined : next)}
    >
      {[
        <DropdownItem key={all} value={all}>
          {allLabel}
        </DropdownItem>,
        ...options.map((option) => (
          <DropdownItem key={option.id} value={option.id}>
            {option.label}
          </DropdownItem>
        )),
      ]}
    </Dropdown>
  );
}
