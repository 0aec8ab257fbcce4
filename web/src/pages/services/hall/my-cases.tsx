import { useQuery } from '@tanstack/react-query';
import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../../../app/page-error';
import { formatDateTime } from '../../credit/credit-format';
import { useNameOf } from '../../credit/use-name-of';
import { CaseDeadlineTag, CaseStateTag } from '../case-tags';
import { myCasesQuery } from '../services-queries';

/** 我的办件: every application, newest first, with its state and deadline. */
export function MyCases({ base }: { base: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const cases = useQuery(myCasesQuery);
  if (cases.error) return <PageError error={cases.error} onRetry={() => void cases.refetch()} />;
  return (
    <List
      data-testid="my-cases"
      loading={cases.isPending}
      dataSource={cases.data ?? []}
      rowKey="id"
      locale={{ emptyText: t('services.mine.none') }}
      renderItem={(c) => (
        <List.Item data-testid="my-case" data-case={c.id}>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Link to={`${base}/cases/${c.id}`}>
              <Typography.Text strong style={{ color: 'inherit' }}>
                {nameOf(c.itemName)}
              </Typography.Text>
            </Link>
            <div>
              <Typography.Text type="secondary" className="services-mono">
                {c.id}
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(c.submittedAt, i18n.language)}
              </Typography.Text>
            </div>
            <Space wrap size={4}>
              <CaseStateTag state={c.state} />
              <CaseDeadlineTag serviceCase={c} />
            </Space>
          </div>
        </List.Item>
      )}
    />
  );
}
