import { InlineAlert } from 'suomifi-ui-components';
import type { ApiError } from '../graphql/errors';
import { errorMessage, type ErrorContext } from '../i18n/errorMessage';
import { useI18n } from '../i18n/useI18n';

/** An API error in words, as an inline alert that screen readers announce. */
export function ErrorAlert({ error, context, title }: { error: ApiError; context?: ErrorContext; title?: string }) {
  const { t } = useI18n();
  return (
    <InlineAlert status="error" labelText={title ?? t('error.title')} role="alert" data-error-code={error.code}>
      {errorMessage(error, t, context)}
    </InlineAlert>
  );
}
