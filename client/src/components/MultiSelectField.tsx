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
