import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageError } from '../../../app/page-error';
import { useCurrentUser } from '../../../auth/use-current-user';
import { useNameOf } from '../../credit/use-name-of';
import { hallPath } from '../services-access';
import { itemQuery } from '../services-queries';
import { ApplyForm } from './apply-form';
import { ItemBadges, ItemFacts, ItemMaterials } from './item-facts';
import '../services.css';

/** /me/services/items/:itemId: the item's terms, its materials (免提交 / 需上传 / 无需提供) and the application form. */
export default function ServiceItemPage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const base = hallPath(user.role) ?? '/me/services';
  const { itemId = '' } = useParams();
  const item = useQuery(itemQuery(itemId));
  const wrongApplicant =
    item.data &&
    item.data.definition.applicant !== (user.role === 'enterprise_agent' ? 'enterprise' : 'resident');
  return (
    <Flex vertical gap={12} className="services-page">
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate(base)}>
          ← {t('services.hall.back')}
        </Button>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="item-title">
          {item.data ? nameOf(item.data.definition.name) : t('common.loading')}
        </Typography.Title>
        {item.data && (
          <ItemBadges
            item={{
              ...item.data.definition,
              certificateFree: item.data.definition.materials.every((m) => m.source !== 'applicant'),
            }}
          />
        )}
      </div>
      {item.error && <PageError error={item.error} onRetry={() => void item.refetch()} />}
      {item.data && (
        <>
          <ItemFacts item={item.data} />
          <Card size="small" title={t('services.item.materials')}>
            <ItemMaterials item={item.data} />
          </Card>
          <Card size="small" title={t('services.apply.title')}>
            {wrongApplicant ? (
              <Typography.Text type="secondary">{t('services.apply.notForYou')}</Typography.Text>
            ) : (
              <ApplyForm
                item={item.data}
                onSubmitted={(c) => navigate(`${base}/cases/${c.id}`, { state: { fresh: true } })}
              />
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
