import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, type DescriptionsProps, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CarbonAccount } from '../../api/carbon';
import { PageError } from '../../app/page-error';
import { myCarbonAccountsQuery } from './carbon-queries';
import { formatDay } from './format';

/** The signed-in subject's carbon accounts (a resident and an enterprise each have one today). */
export function CarbonAccountCard({ title }: { title: string }) {
  const { t } = useTranslation();
  const { data: accounts, error, isPending, refetch } = useQuery(myCarbonAccountsQuery);
  return (
    <Card title={title} size="small" loading={isPending} data-testid="carbon-account-card">
      {error && <PageError error={error} onRetry={() => void refetch()} />}
      {accounts?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('carbon.account.none')} />
      )}
      {accounts?.map((account) => (
        <AccountDescriptions key={account.accountNo} account={account} />
      ))}
    </Card>
  );
}

function AccountDescriptions({ account }: { account: CarbonAccount }) {
  const { t, i18n } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'accountNo',
      label: t('carbon.account.accountNo'),
      children: (
        <Typography.Text strong copyable className="carbon-account-no" data-testid="carbon-account-no">
          {account.accountNo}
        </Typography.Text>
      ),
    },
    { key: 'domain', label: t('carbon.account.domain'), children: t(`carbon.domains.${account.domain}`) },
    {
      key: 'openedAt',
      label: t('carbon.account.openedAt'),
      children: formatDay(account.openedAt, i18n.language),
    },
  ];
  return <Descriptions column={1} size="small" items={items} />;
}
