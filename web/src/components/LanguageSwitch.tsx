import { Button, Icon } from '@gravity-ui/uikit';
import { Globe } from '@gravity-ui/icons';
import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button view="flat" onClick={() => setLocale(locale === 'ru' ? 'en' : 'ru')} qa="language-switch" title={t.language.label}>
      <Icon data={Globe} size={16} />
      {t.language.switchTo}
    </Button>
  );
}
