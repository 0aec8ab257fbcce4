import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseProblem } from '../../api/services';
import { useNameOf } from '../credit/use-name-of';

/** 一次性告知: every problem of a return or supplement request, listed together. */
export function ProblemsList({
  problems,
  title,
  type = 'warning',
}: {
  problems: readonly CaseProblem[];
  title: string;
  type?: 'warning' | 'error' | 'info';
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <Alert
      type={type}
      showIcon
      data-testid="case-problems"
      title={title}
      description={
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((problem) => (
            <li key={`${problem.kind}:${problem.key ?? ''}:${problem.message.zh}`} data-testid="case-problem">
              <span className="services-problem-kind">{t(`services.problemKinds.${problem.kind}`)}</span>{' '}
              {nameOf(problem.message)}
            </li>
          ))}
        </ol>
      }
    />
  );
}
