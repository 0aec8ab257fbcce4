import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackHomeButton } from '../app/back-home-button';

/** Any unknown path inside the app. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={<BackHomeButton />}
    />
  );
}
