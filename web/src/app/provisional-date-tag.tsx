import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 暂定: beside a due date counted on the provisional calendar (a year without its State Council holiday notice yet);
 * the tooltip says why the date may still move. Renders nothing when the date rests on published notices.
 */
export function ProvisionalDateTag({ provisional }: { provisional: boolean }) {
  const { t } = useTranslation();
  if (!provisional) return null;
  return (
    <Tooltip title={t('common.provisionalDateHint')}>
      <Tag color="gold" data-testid="provisional-date">
        {t('common.provisionalDate')}
      </Tag>
    </Tooltip>
  );
}
