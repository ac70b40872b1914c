import { Paragraph } from 'suomifi-ui-components';
import { LinkParagraph } from './LinkParagraph';
import { PageHeading } from './PageHeading';
import { useI18n } from '../i18n/useI18n';

/** An address that names no page (/no-such-page): says so, with its own h1 and document title, and a link home. */
export function UnknownPage() {
  const { t } = useI18n();
  return (
    <div data-testid="unknown-page">
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <Paragraph className="yp-lead">{t('notFound.text')}</Paragraph>
      <LinkParagraph className="yp-mt-m" to="/">
        {t('notFound.home')}
      </LinkParagraph>
    </div>
  );
}
