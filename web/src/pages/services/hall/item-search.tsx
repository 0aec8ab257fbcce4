import { useQuery } from '@tanstack/react-query';
import { Checkbox, Flex, Input, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALLIANCE_CITIES, SERVICE_CATEGORIES } from '../../../api/services';
import { PageError } from '../../../app/page-error';
import { useNameOf } from '../../credit/use-name-of';
import { itemsQuery } from '../services-queries';
import { useServicesNames } from '../use-services-names';
import { ItemBadges } from './item-facts';

/** 找事项: the catalogue of one alliance city (衢州 first), by category and words, each item linking to its page. */
export function ItemSearch({ base }: { base: string }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const [city, setCity] = useState<string>('330800');
  const [category, setCategory] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [alliance, setAlliance] = useState(false);
  const items = useQuery(itemsQuery({ city, category, q: text, alliance }));
  return (
    <Flex vertical gap={12} data-testid="item-search">
      <Flex gap={8} wrap>
        <Select
          aria-label={t('services.search.city')}
          data-testid="search-city"
          value={city}
          onChange={setCity}
          style={{ flex: '1 1 120px', minWidth: 0 }}
          options={ALLIANCE_CITIES.map((code) => ({ value: code, label: names.division(code) }))}
        />
        <Select
          aria-label={t('services.search.category')}
          data-testid="search-category"
          allowClear
          placeholder={t('services.search.allCategories')}
          value={category}
          onChange={setCategory}
          style={{ flex: '1 1 140px', minWidth: 0 }}
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`services.categories.${c}`) }))}
        />
      </Flex>
      <Input.Search
        aria-label={t('services.search.text')}
        placeholder={t('services.search.placeholder')}
        allowClear
        enterButton
        onSearch={(value) => setText(value)}
        data-testid="search-text"
      />
      <Checkbox checked={alliance} onChange={(e) => setAlliance(e.target.checked)}>
        {t('services.search.allianceOnly')}
      </Checkbox>
      {items.error ? (
        <PageError error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <List
          loading={items.isPending}
          dataSource={items.data ?? []}
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
          locale={{ emptyText: t('services.search.none') }}
          header={
            items.data && (
              <Typography.Text type="secondary">
                {t('services.search.count', { count: items.data.length })}
              </Typography.Text>
            )
          }
          renderItem={(item) => (
            <List.Item data-testid="item-row" data-item={item.id}>
              <div style={{ minWidth: 0, width: '100%' }}>
                <Link to={`${base}/items/${encodeURIComponent(item.id)}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {nameOf(item.name)}
                  </Typography.Text>
                </Link>
                <div>
                  <Typography.Text type="secondary">
                    {t(`services.categories.${item.category}`)} · {names.department(item.department)}
                  </Typography.Text>
                </div>
                <ItemBadges item={item} />
              </div>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
