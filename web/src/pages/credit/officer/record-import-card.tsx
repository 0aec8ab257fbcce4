import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditRecordType } from '../../../api/credit';
import { type ImportReport, type ImportRowResult, importRecords } from '../../../api/credit-officer';
import { shanghaiToday } from '../credit-format';
import { enteredRecordsKey } from './entered-records';
import { errorText } from './record-entry-card';

const STATUS_COLOURS: Record<ImportRowResult['status'], string> = {
  accepted: 'green',
  duplicate: 'default',
  rejected: 'red',
};

/** A CSV template with the header and one example row of the department's first record type. */
function templateHref(type: CreditRecordType | undefined): string {
  const example = type ? `EXAMPLE-0001,,${type.code},${shanghaiToday()},1,,` : '';
  const csv = `recordId,residentId,type,occurredOn,quantity,validUntil,evidenceRef\n${example}\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${csv}`)}`;
}

/** 批量导入: a CSV or XLSX file of records; each row is accepted, a duplicate, or rejected with its reason. */
export function RecordImportCard({ types }: { types: readonly CreditRecordType[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: importRecords,
    onSuccess: (report) => {
      if (report.accepted > 0) void client.invalidateQueries({ queryKey: enteredRecordsKey });
    },
  });
  return (
    <Card title={t('credit.officer.importTitle')} size="small" data-testid="credit-import">
      <Typography.Paragraph type="secondary">
        {t('credit.officer.importHelp')}{' '}
        <a href={templateHref(types[0])} download="credit-records-template.csv">
          {t('credit.officer.template')}
        </a>
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            upload.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button>{t('credit.officer.chooseFile')}</Button>
        </Upload>
        <Button
          type="primary"
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file)}
          data-testid="credit-import-submit"
        >
          {t('credit.officer.import')}
        </Button>
      </Flex>
      {upload.error && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorText(upload.error)} />
      )}
      {upload.data && <ImportResult report={upload.data} />}
    </Card>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 12 }} data-testid="credit-import-report">
      <Alert
        type={report.rejected > 0 ? 'warning' : 'success'}
        showIcon
        title={t('credit.officer.imported', {
          accepted: report.accepted,
          duplicates: report.duplicates,
          rejected: report.rejected,
        })}
      />
      <Table<ImportRowResult>
        size="small"
        rowKey="index"
        style={{ marginTop: 8 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        dataSource={report.results}
        columns={[
          { title: t('credit.officer.row'), dataIndex: 'row', width: 60 },
          {
            title: t('credit.officer.recordId'),
            dataIndex: 'recordId',
            width: 180,
            render: (id: string) => <span className="credit-mono">{id}</span>,
          },
          {
            title: t('credit.officer.result'),
            dataIndex: 'status',
            width: 90,
            render: (status: ImportRowResult['status']) => (
              <Tag color={STATUS_COLOURS[status]}>{t(`credit.officer.rowStatuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('credit.officer.explanation'),
            key: 'reason',
            render: (_, r) => r.reason?.message ?? '',
          },
        ]}
      />
    </div>
  );
}
