import type { Ref } from 'react';
import { Button } from 'suomifi-ui-components';

/** A form's submit button; while `busy` it is disabled and tells screen readers what is happening. */
export function SubmitButton({
  busy,
  busyText,
  children,
  buttonRef,
  testId,
}: {
  busy: boolean;
  busyText: string;
  children: string;
  /** For a form that sends the keyboard to its button. */
  buttonRef?: Ref<HTMLButtonElement>;
  testId?: string;
}) {
  return busy ? (
    <Button type="submit" loading ariaLoadingText={busyText} disabled ref={buttonRef} data-testid={testId}>
      {children}
    </Button>
  ) : (
    <Button type="submit" ref={buttonRef} data-testid={testId}>
      {children}
    </Button>
  );
}
