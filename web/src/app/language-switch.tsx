import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n/i18n';

/** One button that toggles between 中文 and English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      size="small"
      lang={next}
      aria-label={t('common.switchLanguageLabel')}
      data-testid="language-switch"
      onClick={() => setLanguage(next)}
    >
      {t('common.switchLanguage')}
    </Button>
  );
}
