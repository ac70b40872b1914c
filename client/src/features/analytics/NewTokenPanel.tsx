import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { Card } from '../../components/Card';
import { useI18n } from '../../i18n/useI18n';
import { curlExample } from './analytics.util';
import { CopyableField } from './CopyableField';
import { CopyButton } from './CopyButton';

/**
 * The secret of a token just created, shown this once: a read-only field to
 * copy, a warning that it will not come back, and a curl command that uses it.
 * It lives only in component state; leaving the page forgets it.
 */
export function NewTokenPanel({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const curl = curlExample(window.location.origin, secret);
  // The form that had focus is gone: the card's heading takes it, so a screen reader reads the new token and its warning.
  return (
    <Card
      headingId="token-new-heading"
      title={t('tokens.createdTitle', { name })}
      className="yp-card yp-token-new"
      headingClassName="yp-page-heading"
      focusKey={secret}
      testId="new-token"
    >
      <InlineAlert status="warning" className="yp-token-new__warning">
        {t('tokens.secretWarning')}
      </InlineAlert>
      <CopyableField
        id="new-token-secret"
        label={t('tokens.secretLabel')}
        value={secret}
        copyLabel={t('tokens.copy')}
        className="yp-token-new__secret"
        copyTestId="copy-token"
      />
      <Heading variant="h3" id="token-curl-heading" className="yp-token-new__curl-heading">
        {t('tokens.curlTitle')}
      </Heading>
      <Paragraph mb="xs">{t('tokens.curlIntro')}</Paragraph>
      <pre className="yp-codeblock" tabIndex={0} aria-label={t('tokens.curlLabel')} data-testid="token-curl">
        {curl}
      </pre>
      <CopyButton text={curl} label={t('tokens.copyCurl')} />
      <div className="yp-actions yp-mt-m">
        <Button onClick={onDismiss}>{t('tokens.dismiss')}</Button>
      </div>
    </Card>
  );
}
