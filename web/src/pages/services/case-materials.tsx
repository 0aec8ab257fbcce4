import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CaseMaterial, caseMaterialUrl } from '../../api/services';
import { useNameOf } from '../credit/use-name-of';

/** A fetched value as text: money in fen as yuan, booleans as 是/否, lists and objects compactly. */
function ProofValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <>{t('common.none')}</>;
  if (typeof value === 'boolean') return <>{value ? t('services.yes') : t('services.no')}</>;
  if (typeof value === 'number' && field.endsWith('Fen')) return <>{(value / 100).toFixed(2)}</>;
  if (typeof value === 'object') return <span className="services-mono">{JSON.stringify(value)}</span>;
  return <>{String(value)}</>;
}

/**
 * The case's materials: uploads with a download link, and registry proofs (免提交) with the fetched fields for the
 * roles the server shows them to (applicant, deciding and joint departments).
 */
export function CaseMaterials({ caseId, materials }: { caseId: string; materials: readonly CaseMaterial[] }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <List
      size="small"
      data-testid="case-materials"
      dataSource={[...materials]}
      rowKey="key"
      locale={{ emptyText: t('services.noMaterials') }}
      renderItem={(m) => (
        <List.Item data-testid="case-material" data-key={m.key}>
          <div style={{ minWidth: 0, width: '100%' }}>
            <Typography.Text strong>{nameOf(m.name)}</Typography.Text>{' '}
            {m.source === 'registry' ? (
              <Tag color="green">{t('services.materialSources.registry')}</Tag>
            ) : (
              <Tag color="blue">{t('services.materialSources.applicant')}</Tag>
            )}
            {m.source === 'applicant' && m.fileName && (
              <div>
                <a
                  href={caseMaterialUrl(caseId, m.key)}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="material-link"
                >
                  {m.fileName}
                </a>
                {m.size !== null && (
                  <Typography.Text type="secondary"> · {Math.ceil(m.size / 1024)} KB</Typography.Text>
                )}
              </div>
            )}
            {m.proof && (
              <dl className="services-proof" data-testid="case-proof">
                {Object.entries(m.proof).map(([field, value]) => (
                  <div key={field}>
                    <dt>
                      {t(`services.proofFields.${field}` as 'services.proofFields.name', {
                        defaultValue: field,
                      })}
                    </dt>
                    <dd>
                      <ProofValue field={field} value={value} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {m.source === 'registry' && !m.proof && (
              <Typography.Text type="secondary">{t('services.proofHidden')}</Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
