import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UploadReport, type UploadRowResult, uploadActivity } from '../../../api/carbon-industrial';
import { currentShanghaiPeriod } from '../format';
import { shiftPeriod } from './periods';

const STATUS_COLOURS: Record<UploadRowResult['status'], string> = {
  accepted: 'green',
  warning: 'orange',
  rejected: 'red',
};

/** A CSV template with the enterprise's own USCC and last month filled in, so the first upload is right. */
function templateHref(uscc: string): string {
  const period = shiftPeriod(currentShanghaiPeriod(), 1);
  const csv = `uscc,period,kind,amount,unit,valueAdded\n${uscc},${period},electricity,120000,kWh,850\n${uscc},${period},natural_gas,1.2,10^4Nm3,\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${csv}`)}`;
}

/**
 * 批量导入: a CSV or XLSX file, checked first (nothing saved) and then imported; each row's outcome is listed,
 * and only the rows that pass are saved.
 */
export function ActivityUploadCard({ uscc }: { uscc: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => uploadActivity(file as File, dryRun),
    onSuccess: (report) => {
      if (!report.dryRun) void client.invalidateQueries({ queryKey: ['carbon', 'enterprise', uscc] });
    },
  });
  const english = i18n.language.startsWith('en');

  return (
    <Card title={t('enterpriseCarbon.uploadTitle')} size="small" data-testid="activity-upload">
      <Typography.Paragraph type="secondary">
        {t('enterpriseCarbon.uploadHelp')}{' '}
        <a href={templateHref(uscc)} download="activity-template.csv">
          {t('enterpriseCarbon.template')}
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
          <Button>{t('enterpriseCarbon.chooseFile')}</Button>
        </Upload>
        <Button
          disabled={!file}
          loading={upload.isPending && upload.variables?.dryRun}
          onClick={() => upload.mutate({ dryRun: true })}
        >
          {t('enterpriseCarbon.check')}
        </Button>
        <Button
          type="primary"
          disabled={!file || upload.data?.totals.accepted === 0}
          loading={upload.isPending && !upload.variables?.dryRun}
          onClick={() => upload.mutate({ dryRun: false })}
        >
          {t('enterpriseCarbon.import')}
        </Button>
      </Flex>
      {upload.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={upload.error.message} />}
      {upload.data && <UploadResult report={upload.data} english={english} />}
    </Card>
  );
}

function UploadResult({ report, english }: { report: UploadReport; english: boolean }) {
  const { t } = useTranslation();
  const { totals } = report;
  return (
    <div style={{ marginTop: 12 }} data-testid="upload-report">
      <Alert
        type={totals.rejected > 0 ? 'warning' : 'success'}
        showIcon
        title={t(report.dryRun ? 'enterpriseCarbon.checked' : 'enterpriseCarbon.imported', totals)}
      />
      <Table<UploadRowResult>
        size="small"
        rowKey="row"
        style={{ marginTop: 8 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        dataSource={report.results}
        columns={[
          { title: t('enterpriseCarbon.row'), dataIndex: 'row', width: 60 },
          {
            title: t('enterpriseCarbon.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: UploadRowResult['status']) => (
              <Tag color={STATUS_COLOURS[status]}>{t(`enterpriseCarbon.rowStatuses.${status}`)}</Tag>
            ),
          },
          { title: t('enterpriseCarbon.period'), dataIndex: 'period', width: 90 },
          { title: t('calculator.kind'), dataIndex: 'kind', width: 110 },
          {
            title: t('enterpriseCarbon.messages'),
            key: 'messages',
            render: (_, r) => r.messages.map((m) => (english ? m.en : m.zh)).join('；'),
          },
        ]}
      />
    </div>
  );
}
