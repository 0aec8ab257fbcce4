import { useQuery } from '@tanstack/react-query';
import { Card, Drawer, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLIANCE_CITIES, type ServiceCase } from '../../../api/services';
import { useIsNarrow } from '../../../app/use-is-narrow';
import { useNameOf } from '../../credit/use-name-of';
import { ApplyForm } from '../hall/apply-form';
import { ItemFacts, ItemMaterials } from '../hall/item-facts';
import { itemQuery, itemsQuery } from '../services-queries';
import { useServicesNames } from '../use-services-names';

/**
 * 窗口收件: a 政务服务 officer receives the person in front of them for an item of any alliance city — picks the
 * item, enters the applicant's ID number, fills the form and consents on their behalf. Another city's item becomes
 * 异地代收代办: the window then forwards the file to the deciding department.
 */
export function WindowIntake({
  open,
  onClose,
  onSubmitted,
  ownCity,
}: {
  open: boolean;
  onClose: () => void;
  onSubmitted: (submitted: ServiceCase) => void;
  ownCity: string;
}) {
  const { t } = useTranslation();
  const narrow = useIsNarrow();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const [city, setCity] = useState<string>(ownCity);
  const [itemId, setItemId] = useState<string | undefined>();
  const items = useQuery({ ...itemsQuery({ city }), enabled: open });
  const item = useQuery({ ...itemQuery(itemId ?? ''), enabled: itemId !== undefined });
  const windowItems = (items.data ?? []).filter((i) => i.channels.includes('window'));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={narrow ? '100%' : 'large'}
      destroyOnHidden
      title={t('services.intake.title')}
      data-testid="intake-drawer"
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('services.intake.intro', { city: names.division(ownCity) })}
        </Typography.Paragraph>
        <Select
          aria-label={t('services.intake.city')}
          data-testid="intake-city"
          value={city}
          onChange={(value) => {
            setCity(value);
            setItemId(undefined);
          }}
          options={ALLIANCE_CITIES.map((code) => ({ value: code, label: names.division(code) }))}
        />
        <Select
          aria-label={t('services.intake.item')}
          data-testid="intake-item"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('services.intake.itemPlaceholder')}
          loading={items.isPending}
          value={itemId}
          onChange={setItemId}
          options={windowItems.map((i) => ({ value: i.id, label: `${nameOf(i.name)}（${i.id}）` }))}
        />
        {item.data && (
          <>
            <ItemFacts item={item.data} />
            <Card size="small" title={t('services.item.materials')}>
              <ItemMaterials item={item.data} />
            </Card>
            <Card size="small" title={t('services.intake.formTitle')}>
              <ApplyForm key={item.data.id} item={item.data} window onSubmitted={onSubmitted} />
            </Card>
          </>
        )}
      </Flex>
    </Drawer>
  );
}
