import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { actOnCase, type CaseDetail, caseResultUrl } from '../../../api/services';
import { PageError } from '../../../app/page-error';
import { useCurrentUser } from '../../../auth/use-current-user';
import { formatDate } from '../../credit/credit-format';
import { useNameOf } from '../../credit/use-name-of';
import { CaseMaterials } from '../case-materials';
import { CaseSummary } from '../case-summary';
import { CaseTimeline } from '../case-timeline';
import { ProblemsList } from '../problems-list';
import { serviceErrorText } from '../service-error';
import { hallPath } from '../services-access';
import { hasResult } from '../services-format';
import { caseQuery, casesKey } from '../services-queries';
import { PapersForm } from './papers-form';
import '../services.css';

/** Where the case stands, in words the applicant can act on: accepted, returned with every problem, to supplement… */
function CaseOutcome({ detail, fresh }: { detail: CaseDetail; fresh: boolean }) {
  const { t, i18n } = useTranslation();
  const c = detail.case;
  const problems = c.returnReasons ?? [];
  switch (c.state) {
    case 'returned':
      return (
        <Flex vertical gap={12} data-testid="case-outcome" data-state={c.state}>
          <ProblemsList
            problems={problems}
            title={t('services.outcome.returned', { count: problems.length })}
          />
          {detail.actions.includes('resubmit') && (
            <Card size="small" title={t('services.papers.resubmitTitle')}>
              <PapersForm detail={detail} action="resubmit" />
            </Card>
          )}
        </Flex>
      );
    case 'suspended':
      return (
        <Flex vertical gap={12} data-testid="case-outcome" data-state={c.state}>
          <ProblemsList
            problems={problems}
            title={t('services.outcome.suspended', { count: problems.length })}
          />
          {detail.actions.includes('supplement') && (
            <Card size="small" title={t('services.papers.supplementTitle')}>
              <PapersForm detail={detail} action="supplement" />
            </Card>
          )}
        </Flex>
      );
    case 'accepted':
    case 'in_review': {
      const title = t('services.outcome.accepted');
      const due = c.dueOn ? t('services.outcome.dueOn', { date: formatDate(c.dueOn, i18n.language) }) : '';
      return fresh ? (
        <Result
          status="success"
          title={title}
          subTitle={due}
          data-testid="case-outcome"
          data-state={c.state}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={title}
          description={due}
          data-testid="case-outcome"
          data-state={c.state}
        />
      );
    }
    case 'submitted':
    case 'forwarded':
      return (
        <Alert
          type="info"
          showIcon
          title={t('services.outcome.submitted')}
          data-testid="case-outcome"
          data-state={c.state}
        />
      );
    case 'approved':
    case 'delivered':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="case-outcome"
          data-state={c.state}
          title={t(`services.outcome.${c.state}`)}
          description={c.decisionReason ?? undefined}
        />
      );
    case 'denied':
      return (
        <Alert
          type="error"
          showIcon
          title={t('services.outcome.denied')}
          description={c.decisionReason}
          data-testid="case-outcome"
          data-state={c.state}
        />
      );
    default:
      return (
        <Alert
          type="info"
          showIcon
          title={t('services.outcome.withdrawn')}
          data-testid="case-outcome"
          data-state={c.state}
        />
      );
  }
}

/** /me/services/cases/:caseId: 办件详情 for the applicant — outcome, result link, materials and the timeline. */
export default function ServiceCasePage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const navigate = useNavigate();
  const location = useLocation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const base = hallPath(user.role) ?? '/me/services';
  const { caseId = '' } = useParams();
  const detail = useQuery(caseQuery(caseId));
  const fresh = (location.state as { fresh?: boolean } | null)?.fresh === true;
  const withdraw = useMutation({
    mutationFn: () => actOnCase(caseId, 'withdraw', { expectedVersion: detail.data?.case.version }),
    onSuccess: () => {
      void message.success(t('services.outcome.withdrawn'));
      void client.invalidateQueries({ queryKey: casesKey });
    },
    onError: (error: Error) => void message.error(serviceErrorText(error)),
  });
  const c = detail.data?.case;
  return (
    <Flex vertical gap={12} className="services-page">
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate(`${base}?tab=cases`)}>
          ← {t('services.mine.back')}
        </Button>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {c ? nameOf(c.itemName) : t('common.loading')}
        </Typography.Title>
      </div>
      {detail.error && <PageError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && c && (
        <>
          <CaseOutcome detail={detail.data} fresh={fresh} />
          {hasResult(c) && (
            <Button
              type="primary"
              href={caseResultUrl(c.id)}
              target="_blank"
              rel="noreferrer"
              data-testid="case-result-link"
              block
            >
              {t('services.outcome.openResult')}
            </Button>
          )}
          <CaseSummary serviceCase={c} />
          <Card size="small" title={t('services.case.materials')}>
            <CaseMaterials caseId={c.id} materials={detail.data.materials} />
          </Card>
          <Card size="small" title={t('services.case.timeline')}>
            <CaseTimeline steps={detail.data.timeline} />
          </Card>
          {detail.data.actions.includes('withdraw') && (
            <Popconfirm title={t('services.mine.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
              <Button danger loading={withdraw.isPending} data-testid="case-withdraw">
                {t('services.mine.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Flex>
  );
}
