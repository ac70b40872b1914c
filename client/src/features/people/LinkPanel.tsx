import { Button, InlineAlert } from 'suomifi-ui-components';
import { Card } from '../../components/Card';
import { formatDateTime } from '../../i18n/i18n';
import { useI18n } from '../../i18n/useI18n';
import { CopyableField } from '../analytics/CopyableField';

/** A one-time link as the inviter sees it, this once: to copy and hand over when no e-mail goes out. */
export interface ShownLink {
  name: string;
  link: string;
  expiresAt: string;
  emailed: boolean;
}

/** Shows a new one-time link with its expiry; focus moves to it so a screen reader reads it. */
export function LinkPanel({ shown, onDismiss }: { shown: ShownLink; onDismiss: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Card
      headingId="people-link-heading"
      title={t('people.linkTitle', { name: shown.name })}
      className="yp-card yp-people-link"
      headingClassName="yp-page-heading"
      focusKey={shown.link}
      testId="one-time-link"
    >
      <p>{t('people.linkInfo', { time: formatDateTime(shown.expiresAt, lang) })}</p>
      <InlineAlert status={shown.emailed ? 'neutral' : 'warning'}>
        {shown.emailed ? t('people.linkEmailed') : t('people.linkNotEmailed')}
      </InlineAlert>
      <CopyableField
        id="people-link"
        label={t('people.linkLabel')}
        value={shown.link}
        copyLabel={t('people.copy')}
        className="yp-people-link__field"
        testId="one-time-link-value"
      />
      <div className="yp-actions yp-mt-m">
        <Button variant="secondary" onClick={onDismiss}>
          {t('people.dismiss')}
        </Button>
      </div>
    </Card>
  );
}
