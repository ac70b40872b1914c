import { Dropdown, DropdownItem } from 'suomifi-ui-components';

/** The Dropdown's value for "no filter" (a Dropdown needs a string for each item). */
const all = 'ALL';

/** One choice of a filter: the value it filters by and its label. */
export interface FilterOption<T extends string = string> {
  id: T;
  label: string;
}

/** A filter: a Dropdown `id` labelled `label`, with `allLabel` for "no filter", whose value a form sends as `name`. */
export interface Filter<T extends string = string> {
  id: string;
  /** The name of its (hidden) value, as a form sends it. */
  name: string;
  label: string;
  allLabel: string;
  value: T | undefined;
  options: readonly FilterOption<T>[];
  // A method, so that a filter of a narrower T (e.g. ChangeAuthor) stands in a list of filters.
  onChange(value: T | undefined): void;
}

/** A filter as a Dropdown: "all" first, then the options; `undefined` is "all", that is no filter. */
export function FilterDropdown<T extends string = string>({ id, name, label, allLabel, value, options, onChange }: Filter<T>) {
  return (
    <Dropdown<string>
      labelText={label}
      id={id}
      name={name}
      value={value ?? all}
      // The items' values are the options' ids (and "all"), so a value other than "all" is a T.
      onChange={(next) => onChange(next === all ? undefined : (next as T))}
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
