import { useState } from 'react';
import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from 'suomifi-ui-components';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { toApiError, type ApiError } from '../../graphql/errors';
import type { ApiTokenFieldsFragment } from '../../graphql/generated/graphql';
import { useI18n } from '../../i18n/useI18n';
import { RevokeApiTokenMutation } from './analytics.documents';

/**
 * Asks before revoking: revoking cannot be undone and breaks every tool that
 * uses the token. The answer merges into the list by id (graphcache).
 */
export function RevokeTokenDialog({
  token,
  onClose,
  onRevoked,
}: {
  token: ApiTokenFieldsFragment;
  onClose: () => void;
  onRevoked: (token: ApiTokenFieldsFragment) => void;
}) {
  const { t } = useI18n();
  const [, revoke] = useMutation(RevokeApiTokenMutation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    const result = await revoke({ id: token.id });
    setBusy(false);
    if (result.data?.revokeApiToken) onRevoked(result.data.revokeApiToken);
    else setError(toApiError(result.error));
  }

  return (
    <Modal visible appElementId="root" onEscKeyDown={onClose} ariaLabelledBy="revoke-title" className="yp-modal">
      <ModalContent>
        <ModalTitle id="revoke-title">{t('tokens.confirmTitle')}</ModalTitle>
        <Paragraph>{t('tokens.confirmBody', { name: token.name, prefix: token.prefix })}</Paragraph>
        {error && <ErrorAlert error={error} />}
      </ModalContent>
      <ModalFooter>
        {busy ? (
          <Button loading ariaLoadingText={t('tokens.revoking')} disabled>
            {t('tokens.confirm')}
          </Button>
        ) : (
          <Button onClick={() => void confirm()} data-testid="confirm-revoke">
            {t('tokens.confirm')}
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          {t('tokens.cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
