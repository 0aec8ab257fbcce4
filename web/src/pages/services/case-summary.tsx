import { Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceCase } from '../../api/services';
import { formatDate, formatDateTime } from '../credit/credit-format';
import { CaseDeadlineTag, CaseStateTag, ModeTag, VisitsTag } from './case-tags';
import { useServicesNames } from './use-services-names';

/** The head of a case: number, state, where it came in and who handles it, deadline, visits and delivery. */
export function CaseSummary({
  serviceCase: c,
  showApplicant,
}: {
  serviceCase: ServiceCase;
  showApplicant?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const names = useServicesNames();
  const none = t('common.none');
  const items = [
    { key: 'id', label: t('services.case.number'), children: <span className="services-mono">{c.id}</span> },
    {
      key: 'state',
      label: t('services.case.state'),
      children: (
        <Space wrap size={4}>
          <CaseStateTag state={c.state} />
          <CaseDeadlineTag serviceCase={c} />
          {c.escalated && <span data-testid="case-escalated">{t('services.case.escalated')}</span>}
        </Space>
      ),
    },
    ...(showApplicant
      ? [
          {
            key: 'applicant',
            label: t('services.case.applicant'),
            children: (
              <>
                {c.applicantName} <span className="services-mono">{c.applicantId}</span>
              </>
            ),
          },
        ]
      : []),
    {
      key: 'mode',
      label: t('services.case.mode'),
      children: (
        <Space wrap size={4}>
          <ModeTag mode={c.mode} />
          {t(`services.channels.${c.channel}`)}
        </Space>
      ),
    },
    {
      key: 'receiving',
      label: t('services.case.receiving'),
      children: <span data-testid="case-receiving">{names.division(c.receivingDivision)}</span>,
    },
    {
      key: 'handling',
      label: t('services.case.handling'),
      children: (
        <span data-testid="case-handling" data-division={c.handlingDivision}>
          {names.office(`${c.handlingDivision}/${c.department}`)}
        </span>
      ),
    },
    {
      key: 'submitted',
      label: t('services.case.submittedAt'),
      children: formatDateTime(c.submittedAt, i18n.language),
    },
    {
      key: 'limit',
      label: t('services.case.limit'),
      children: `${t('services.workingDays', { count: c.limitDays })}${
        c.acceptedOn
          ? ` · ${t('services.case.acceptedOn', { date: formatDate(c.acceptedOn, i18n.language) })}`
          : ''
      }`,
    },
    { key: 'visits', label: t('services.case.visits'), children: <VisitsTag serviceCase={c} /> },
    { key: 'assignee', label: t('services.case.assignee'), children: c.assigneeName ?? none },
    ...(c.decisionReason
      ? [{ key: 'decision', label: t('services.case.decisionReason'), children: c.decisionReason }]
      : []),
    ...(c.delivery
      ? [
          {
            key: 'delivery',
            label: t('services.case.delivery'),
            children: `${t(`services.deliveries.${c.delivery}` as 'services.deliveries.post')}${
              c.trackingNumber ? ` · ${t('services.timeline.tracking', { number: c.trackingNumber })}` : ''
            }`,
          },
        ]
      : []),
    ...(c.resultNumber
      ? [
          {
            key: 'result',
            label: t('services.case.resultNumber'),
            children: (
              <span className="services-mono" data-testid="case-result-number">
                {c.resultNumber}
              </span>
            ),
          },
        ]
      : []),
  ];
  return <Descriptions column={1} size="small" bordered items={items} data-testid="case-summary" />;
}
