import { Button } from 'suomifi-ui-components';

/** A form's submit button; while `busy` it is disabled and tells screen readers what is happening. */
export function SubmitButton({ busy, busyText, children }: { busy: boolean; busyText: string; children: string }) {
  return busy ? (
    <Button type="submit" loading ariaLoadingText={busyText} disabled>
      {children}
    </Button>
  ) : (
    <Button type="submit">{children}</Button>
  );
}
