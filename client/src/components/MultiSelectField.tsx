import { useEffect, useRef, type ReactNode } from 'react';
import { MultiSelect } from 'suomifi-ui-components';
import { useI18n } from '../i18n/useI18n';
import type { SelectOption } from './SelectField';

/**
 * The design system's MultiSelect names its list in aria-controls even while the list is closed and
 * absent, which axe reports as a critical error: the reference is kept only while the list exists.
 */
function useControlsOnlyWhenOpen(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const input = root.current?.querySelector('input');
    if (!input) return;
    const controls = input.getAttribute('aria-controls');
    if (!controls) return;
    const sync = () => {
      const open = document.getElementById(controls) !== null;
      if (open && input.getAttribute('aria-controls') !== controls) input.setAttribute('aria-controls', controls);
      if (!open && input.hasAttribute('aria-controls')) input.removeAttribute('aria-controls');
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}

/**
 * The design system's MultiSelect opens its list whenever its input gets focus, so a keyboard user tabbing through
 * a form gets a popup they did not ask for. As the WAI-ARIA combobox pattern has it, the list opens on a click (on
 * the field, its label or its arrow), ArrowDown (also with Alt) or typing, and Escape closes it with focus staying
 * in the field: focus that comes without a pointer press in the field (Tab, a form's move to its first invalid
 * field) is kept from the MultiSelect's own focus handler, which React runs from the `focusin` event at its root.
 * A click in the input when the list is closed (after Escape, say) opens it through its arrow button.
 */
function useOpenOnRequest(root: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const field = root.current;
    const input = field?.querySelector('input');
    if (!field || !input) return;
    const combobox = input.closest('[role=combobox]');
    let pressed = false;
    const press = () => {
      pressed = true;
    };
    // A press ends with its click (the arrow button focuses the input from its click handler); a key starts anew.
    const release = () => {
      pressed = false;
    };
    const focusIn = (event: FocusEvent) => {
      if (event.target === input && !pressed) event.stopPropagation();
    };
    const clickInput = () => {
      if (combobox?.getAttribute('aria-expanded') === 'false')
        field.querySelector<HTMLButtonElement>('.fi-input-toggle-button')?.click();
    };
    field.addEventListener('pointerdown', press, true);
    field.addEventListener('focusin', focusIn);
    input.addEventListener('click', clickInput);
    window.addEventListener('click', release);
    window.addEventListener('keydown', release, true);
    return () => {
      field.removeEventListener('pointerdown', press, true);
      field.removeEventListener('focusin', focusIn);
      input.removeEventListener('click', clickInput);
      window.removeEventListener('click', release);
      window.removeEventListener('keydown', release, true);
    };
  }, [root]);
}

/** Several choices with the design system's MultiSelect (a filterable list, the chosen ones as chips), in place of <select multiple>. */
export function MultiSelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  hint,
  error,
  testId,
}: {
  id: string;
  label: ReactNode;
  value: readonly T[];
  options: readonly SelectOption<T>[];
  onChange: (value: T[]) => void;
  hint?: string;
  /** The field's message (e.g. useFieldErrors' messageFor); marks it invalid. */
  error?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  useControlsOnlyWhenOpen(root);
  useOpenOnRequest(root);
  const items = options.map((o) => ({ uniqueItemId: o.value, labelText: o.label, disabled: o.disabled }));
  return (
    <div ref={root} className="yp-multiselect" data-testid={testId}>
      <MultiSelect
        id={id}
        labelText={label}
        hintText={hint}
        items={items}
        selectedItems={items.filter((item) => value.includes(item.uniqueItemId))}
        onItemSelectionsChange={(chosen) => onChange(chosen.map((item) => item.uniqueItemId as T))}
        onRemoveAll={() => onChange([])}
        chipListVisible
        status={error ? 'error' : 'default'}
        statusText={error}
        noItemsText={t('form.multi.none')}
        removeAllButtonLabel={t('form.multi.removeAll')}
        ariaChipActionLabel={t('form.multi.chipAction')}
        ariaOptionsAvailableTextFunction={(count) => t('form.multi.available', { count })}
        ariaOptionChipRemovedTextFunction={(option) => t('form.multi.removed', { option })}
        ariaSelectedAmountTextFunction={(count) => t('form.multi.selected', { count })}
      />
    </div>
  );
}
