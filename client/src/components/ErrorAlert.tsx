import { InlineAlert } from 'suomifi-ui-components';
import type { ApiError } from '../graphql/errors';
import { errorMessage, type ErrorContext } from '../i18n/errorMessage';
import { useI18n } from '../i18n/useI18n';

/**
 * An API error in words, as an inline alert that screen readers announce. Its label is `title`, "Error" by default;
 * `null` for none, where a heading right above already says it (ErrorPage).
 */
export function ErrorAlert({ error, context, title }: { error: ApiError; context?: ErrorContext; title?: string | null }) {
  const { t } = useI18n();
  const label = title === null ? {} : { labelText: title ?? t('error.title') };
  return (
    <InlineAlert status="error" {...label} role="alert" data-error-code={error.code}>
      {errorMessage(error, t, context)}
    </InlineAlert>
  );
}
