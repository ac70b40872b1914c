import { Button, Modal, ModalContent, ModalFooter, ModalTitle, Paragraph } from 'suomifi-ui-components';
import { useI18n } from '../../i18n/useI18n';

/**
 * Asks before a membership ends (issue 13): the person leaves the body's members at once,
 * and a slip of the pointer in a long member table should not do that.
 */
export function EndMembershipDialog({
  name,
  role,
  endsOn,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  role: string;
  endsOn: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, date } = useI18n();
  return (
    <Modal
      visible
      appElementId="root"
      onEscKeyDown={onCancel}
      ariaLabelledBy="end-membership-title"
      className="yp-modal"
      data-testid="end-membership-dialog"
    >
      <ModalContent>
        <ModalTitle id="end-membership-title">{t('coop.endConfirmTitle')}</ModalTitle>
        <Paragraph>{t('coop.endConfirmBody', { name, role, date: date(endsOn) })}</Paragraph>
      </ModalContent>
      <ModalFooter>
        {busy ? (
          <Button loading ariaLoadingText={t('coop.ending')} disabled>
            {t('coop.endConfirm')}
          </Button>
        ) : (
          <Button onClick={onConfirm} data-testid="confirm-end-membership">
            {t('coop.endConfirm')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('coop.endCancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
