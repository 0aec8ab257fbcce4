import { Descriptions, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemMaterial, ServiceItem } from '../../../api/services';
import { useNameOf } from '../../credit/use-name-of';
import { formatFen } from '../services-format';
import { useServicesNames } from '../use-services-names';

/** 0 跑 / 最多跑一次, 无证明 and 跨省通办 at a glance. */
export function ItemBadges({
  item,
}: {
  item: { maxVisits: number; certificateFree?: boolean; alliance: boolean; promisedLimitDays: number };
}) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      <Tag color={item.maxVisits === 0 ? 'green' : 'blue'} data-testid="item-visits">
        {t(`services.item.visits${item.maxVisits === 0 ? 0 : 1}`)}
      </Tag>
      {item.certificateFree && <Tag color="cyan">{t('services.item.certificateFree')}</Tag>}
      {item.alliance && <Tag color="geekblue">{t('services.item.alliance')}</Tag>}
      <Tag>
        {item.promisedLimitDays === 0
          ? t('services.item.immediate')
          : t('services.item.promisedDays', { count: item.promisedLimitDays })}
      </Tag>
    </Space>
  );
}

/** An item's terms: who handles it, limits, visits, fees, channels, cross-province modes and the result. */
export function ItemFacts({ item }: { item: ServiceItem }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const d = item.definition;
  const none = t('common.none');
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      data-testid="item-facts"
      items={[
        {
          key: 'handler',
          label: t('services.item.handler'),
          children: `${names.division(item.cityCode)} · ${names.department(d.department)} · ${t(`services.levels.${d.level}`)}`,
        },
        {
          key: 'limits',
          label: t('services.item.limits'),
          children: t('services.item.limitsValue', {
            promised: d.promisedLimitDays,
            legal: d.legalLimitDays,
          }),
        },
        {
          key: 'visits',
          label: t('services.item.maxVisits'),
          children: t(`services.item.visits${d.maxVisits === 0 ? 0 : 1}`),
        },
        {
          key: 'fee',
          label: t('services.item.fee'),
          children:
            d.feeFen === 0
              ? t('services.item.free')
              : t('services.item.feeValue', { yuan: formatFen(d.feeFen) }),
        },
        {
          key: 'channels',
          label: t('services.item.channels'),
          children: d.channels.map((c) => t(`services.channels.${c}`)).join(' · '),
        },
        {
          key: 'modes',
          label: t('services.item.crossProvince'),
          children:
            d.crossProvinceModes.length === 0
              ? t('services.item.notAlliance')
              : d.crossProvinceModes.map((m) => t(`services.modes.${m}`)).join(' · '),
        },
        {
          key: 'result',
          label: t('services.item.result'),
          children: `${nameOf(d.result.name)}（${d.result.delivery.map((x) => t(`services.deliveries.${x}`)).join('、')}）`,
        },
        { key: 'basis', label: t('services.item.legalBasis'), children: d.legalBasis || none },
      ]}
    />
  );
}

/** Each material marked 免提交 (which registry gives which fields) / 需上传 / 无需提供. */
export function ItemMaterials({ item }: { item: ServiceItem }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const describe = (m: ItemMaterial) => {
    if (m.source === 'registry') {
      const fetch = item.fetches.find((f) => f.dataset === m.dataset);
      const fields = m.fields
        .map((field) => {
          const label = fetch?.fields.find((f) => f.field === field)?.label;
          return label ? nameOf(label) : field;
        })
        .join('、');
      return t('services.item.fetchedFrom', {
        registry: fetch ? `${nameOf(fetch.keeper)}${nameOf(fetch.name)}` : m.dataset,
        fields,
      });
    }
    if (m.source === 'not_needed') return nameOf(m.note);
    return [
      m.required ? t('services.item.required') : t('services.item.optional'),
      m.original ? t('services.item.original') : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <List
      size="small"
      data-testid="item-materials"
      dataSource={item.definition.materials}
      rowKey="key"
      renderItem={(m) => (
        <List.Item data-testid="item-material" data-source={m.source}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{nameOf(m.name)}</Typography.Text>{' '}
            <Tag color={m.source === 'registry' ? 'green' : m.source === 'applicant' ? 'blue' : 'default'}>
              {t(`services.item.sources.${m.source}`)}
            </Tag>
            <div>
              <Typography.Text type="secondary">{describe(m)}</Typography.Text>
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
