import type { MouseEvent, Ref } from 'react';
import { Button } from 'suomifi-ui-components';

/** Keeps a busy form from being sent again: the click (also the one Enter in a field makes) does nothing. */
function holdBack(event: MouseEvent) {
  event.preventDefault();
}

/**
 * A form's submit button. While `busy` it tells screen readers what is happening and is marked
 * aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page's start,
 * and a click or Enter on it must not send the form twice.
 */
export function SubmitButton({
  busy,
  busyText,
  children,
  buttonRef,
  testId,
  label,
}: {
  busy: boolean;
  busyText: string;
  children: string;
  /** For a form that sends the keyboard to its button. */
  buttonRef?: Ref<HTMLButtonElement>;
  testId?: string;
  /** The accessible name when it must say more than `children` (it should start with them: label in name), busy or not. */
  label?: string;
}) {
  return busy ? (
    <Button
      type="submit"
      loading
      ariaLoadingText={busyText}
      onClickCapture={holdBack}
      ref={buttonRef}
      data-testid={testId}
      aria-label={label}
    >
      {children}
    </Button>
  ) : (
    <Button type="submit" ref={buttonRef} data-testid={testId} aria-label={label}>
      {children}
    </Button>
  );
}
