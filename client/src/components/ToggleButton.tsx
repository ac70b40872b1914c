import type { Dispatch, SetStateAction } from 'react';
import { Button } from 'suomifi-ui-components';

/**
 * The button, in its own actions row, that shows and hides a form below it: aria-expanded tells whether the form
 * is open, and the label turns into `closeLabel` while it is.
 */
export function ToggleButton({
  open,
  setOpen,
  label,
  closeLabel,
  controls,
  testId,
}: {
  open: boolean;
  setOpen: Dispatch<SetStateAction<boolean>>;
  label: string;
  closeLabel: string;
  /** The id of what it opens, named while open (aria-controls). */
  controls?: string;
  testId?: string;
}) {
  return (
    <div className="yp-actions">
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={open ? controls : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        data-testid={testId}
      >
        {open ? closeLabel : label}
      </Button>
    </div>
  );
}
