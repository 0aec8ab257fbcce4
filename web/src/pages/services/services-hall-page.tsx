import { useQuery } from '@tanstack/react-query';
import { Badge, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fetchMyNotices } from '../../api/services';
import { useCurrentUser } from '../../auth/use-current-user';
import { DataUseLog } from './hall/data-use-log';
import { ItemSearch } from './hall/item-search';
import { MyCases } from './hall/my-cases';
import { hallPath } from './services-access';
import { casesKey } from './services-queries';
import './services.css';

const TABS = ['items', 'cases', 'data'] as const;
type HallTab = (typeof TABS)[number];

/**
 * /me/services (办事大厅): find an item of any alliance city, follow one's applications (我的办件), and read who used
 * one's data for them (数据使用记录). The tab is in the address so a link or the back button lands on it.
 */
export default function ServicesHallPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const base = hallPath(user.role) ?? '/me/services';
  const [params, setParams] = useSearchParams();
  const tab: HallTab = TABS.find((x) => x === params.get('tab')) ?? 'items';
  const notices = useQuery({
    queryKey: [...casesKey, 'notices'],
    queryFn: ({ signal }) => fetchMyNotices(signal),
  });
  const unread = (notices.data ?? []).filter((n) => !n.read).length;
  return (
    <Flex vertical gap={12} className="services-page">
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('services.hall.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('services.hall.intro')}
        </Typography.Paragraph>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'items' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'items', label: t('services.hall.tabs.items'), children: <ItemSearch base={base} /> },
          {
            key: 'cases',
            label: (
              <Badge count={unread} size="small" offset={[6, -2]}>
                {t('services.hall.tabs.cases')}
              </Badge>
            ),
            children: <MyCases base={base} />,
          },
          { key: 'data', label: t('services.hall.tabs.data'), children: <DataUseLog base={base} /> },
        ]}
      />
    </Flex>
  );
}
