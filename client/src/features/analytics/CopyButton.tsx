import './analytics.messages';
import { useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { useI18n } from '../../i18n/useI18n';

/** Copies text to the clipboard and says so in a live region; if the browser refuses, it says how to copy by hand. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('tokens.copied'));
    } catch {
      // Clipboard access needs a secure context and permission; plain http on a LAN address has neither.
      setStatus(t('tokens.copyFailed'));
    }
  }
  return (
    <span className="yp-copy">
      <Button variant="secondary" onClick={() => void copy()} data-testid={testId}>
        {label}
      </Button>
      <span role="status" className="yp-copy__status">
        {status}
      </span>
    </span>
  );
}
