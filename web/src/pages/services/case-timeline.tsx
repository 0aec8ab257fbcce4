import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseProblem, TimelineStep } from '../../api/services';
import { formatDate, formatDateTime } from '../credit/credit-format';
import { useNameOf } from '../credit/use-name-of';
import { useServicesNames } from './use-services-names';

const ACTION_COLOURS: Record<string, string> = {
  return: 'orange',
  request_supplement: 'orange',
  deny: 'red',
  approve: 'green',
  deliver: 'green',
  withdraw: 'gray',
};

/** The case's steps, oldest first: what happened, when, by which office (city and department), and the details. */
export function CaseTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const describe = (step: TimelineStep) => {
    const detail = step.detail;
    const parts: string[] = [];
    if (typeof detail.dueOn === 'string')
      parts.push(t('services.timeline.dueOn', { date: formatDate(detail.dueOn, i18n.language) }));
    if (typeof detail.toDivision === 'string')
      parts.push(t('services.timeline.toDivision', { division: names.division(detail.toDivision) }));
    if (typeof detail.toOfficer === 'string')
      parts.push(t('services.timeline.toOfficer', { name: detail.toOfficer }));
    if (typeof detail.delivery === 'string')
      parts.push(t(`services.deliveries.${detail.delivery}` as 'services.deliveries.post'));
    if (typeof detail.trackingNumber === 'string')
      parts.push(t('services.timeline.tracking', { number: detail.trackingNumber }));
    if (typeof detail.resultNumber === 'string')
      parts.push(t('services.timeline.result', { number: detail.resultNumber }));
    if (typeof detail.opinion === 'string')
      parts.push(t(`services.opinions.${detail.opinion}` as 'services.opinions.agree'));
    if (typeof detail.reason === 'string') parts.push(detail.reason);
    if (typeof detail.mode === 'string' && detail.mode !== 'local')
      parts.push(t(`services.modes.${detail.mode}` as 'services.modes.proxy'));
    return parts;
  };
  return (
    <div data-testid="case-timeline">
      <Timeline
        items={steps.map((step, i) => {
          const reasons = Array.isArray(step.detail.reasons) ? (step.detail.reasons as CaseProblem[]) : [];
          const office = names.office(step.actorOffice);
          const who =
            office ??
            t(`services.actors.${step.actorRole}` as 'services.actors.system', {
              defaultValue: step.actorRole,
            });
          return {
            key: `${step.at}-${i}`,
            color: ACTION_COLOURS[step.action] ?? 'blue',
            content: (
              <div data-testid="timeline-step" data-action={step.action}>
                <Typography.Text strong>
                  {t(`services.steps.${step.action}` as 'services.steps.submit', {
                    defaultValue: step.action,
                  })}
                </Typography.Text>
                {step.visit && (
                  <Typography.Text type="warning"> · {t('services.timeline.visit')}</Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary" data-testid="timeline-office">
                    {formatDateTime(step.at, i18n.language)} · {who}
                  </Typography.Text>
                </div>
                {describe(step).length > 0 && <div>{describe(step).join(' · ')}</div>}
                {reasons.length > 0 && (
                  <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                    {reasons.map((r) => (
                      <li key={`${r.kind}:${r.key ?? ''}:${r.message.zh}`}>{nameOf(r.message)}</li>
                    ))}
                  </ol>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
