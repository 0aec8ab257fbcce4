import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseMode, ServiceCase } from '../../api/services';
import { ProvisionalDateTag } from '../../app/provisional-date-tag';
import { formatDate } from '../credit/credit-format';
import { deadlineColour, stateColour } from './services-format';

/** 已提交 / 已受理 / 补正中 / 已办结… */
export function CaseStateTag({ state }: { state: ServiceCase['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColour(state)} data-testid="case-state">
      {t(`services.states.${state}`)}
    </Tag>
  );
}

const CLOSED: readonly ServiceCase['state'][] = ['approved', 'denied', 'delivered', 'withdrawn'];

/**
 * The due date coloured by the time left (green, orange from the warning day, red overdue), marked 暂定 when counted on
 * the provisional calendar; nothing before acceptance.
 */
export function CaseDeadlineTag({
  serviceCase,
}: {
  serviceCase: Pick<ServiceCase, 'sla' | 'dueOn' | 'state'>;
}) {
  const { t, i18n } = useTranslation();
  const { sla, dueOn, state } = serviceCase;
  // Once decided the clock has stopped: the due date no longer tells anyone anything.
  if (!sla && (!dueOn || CLOSED.includes(state))) return null;
  const due = sla?.dueOn ?? dueOn;
  let text = due ? t('services.deadline.due', { date: formatDate(due, i18n.language) }) : '';
  if (sla?.state === 'paused') text = t('services.deadline.paused');
  else if (sla?.state === 'overdue') text = t('services.deadline.overdue', { date: text });
  else if (sla) text = t('services.deadline.left', { date: text, days: Math.max(sla.remainingDays, 0) });
  return (
    <>
      <Tag color={deadlineColour(sla)} data-testid="case-deadline" data-sla={sla?.state ?? 'none'}>
        {text}
      </Tag>
      {/* While paused no date shows, so there is nothing to call provisional. */}
      <ProvisionalDateTag provisional={sla?.state !== 'paused' && sla?.dueDateProvisional === true} />
    </>
  );
}

export function ModeTag({ mode }: { mode: CaseMode }) {
  const { t } = useTranslation();
  if (mode === 'local') return <Tag>{t('services.modes.local')}</Tag>;
  return <Tag color="geekblue">{t(`services.modes.${mode}`)}</Tag>;
}

/** Visits so far against the promise; red when the promise is broken (超过承诺跑动次数). */
export function VisitsTag({
  serviceCase,
}: {
  serviceCase: Pick<ServiceCase, 'visits' | 'promisedVisits' | 'overVisits'>;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={serviceCase.overVisits ? 'red' : 'default'} data-testid="case-visits">
      {t('services.visitsOf', { visits: serviceCase.visits, max: serviceCase.promisedVisits })}
    </Tag>
  );
}
