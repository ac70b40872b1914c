import { useEffect, useRef } from 'react';
import { Button } from 'suomifi-ui-components';

/**
 * An inline question before an act that cannot be undone (ending a meeting, deactivating an account): it takes the
 * focus when it appears, so a screen reader reads it; the act's button confirms and Peruuta (or Escape, while nothing
 * is being sent) cancels. The caller shows it under the button that opened it (that button's aria-expanded and
 * aria-controls name `id`) and, on cancel or after the act, moves the focus on: the question is then gone.
 */
export function InlineConfirm({
  id,
  question,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
  testId,
  confirmProps,
}: {
  id: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** The act is being sent: both buttons wait and Escape does nothing. */
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** Extra attributes of the confirm button (e.g. a data- attribute tests and callers find it by). */
  confirmProps?: Record<`data-${string}`, string>;
}) {
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div
      id={id}
      className="yp-confirm"
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      <p className="yp-confirm__question" tabIndex={-1} ref={questionRef} data-confirm-question>
        {question}
      </p>
      <div className="yp-confirm__buttons">
        <Button variant="default" disabled={busy} onClick={onConfirm} {...confirmProps}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
