// Shows a secret once (a temporary password, an API token) with a copy button.
import { Dialog, ClipboardButton, Text } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';

export function SecretDialog({ open, title, text, secret, onClose, qa }: { open: boolean; title: string; text: string; secret: string; onClose(): void; qa?: string }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} size="s" qa={qa}>
      <Dialog.Header caption={title} />
      <Dialog.Body>
        <Text as="p">{text}</Text>
        <div className="secret">
          <code className="secret__value" data-qa="secret-value">{secret}</code>
          <ClipboardButton text={secret} size="m" tooltipInitialText={t.common.copy} tooltipSuccessText={t.common.copied} />
        </div>
      </Dialog.Body>
      <Dialog.Footer onClickButtonApply={onClose} textButtonApply={t.common.close} />
    </Dialog>
  );
}
