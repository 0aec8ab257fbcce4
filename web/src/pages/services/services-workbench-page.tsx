import { App, Button, Flex, Segmented, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseState } from '../../api/services';
import type { QueueView } from '../../api/services-workbench';
import { useCurrentUser } from '../../auth/use-current-user';
import { SERVICES_DEPARTMENT } from './services-access';
import { useServicesNames } from './use-services-names';
import { CaseDrawer } from './workbench/case-drawer';
import { QueueList } from './workbench/queue-list';
import { WindowIntake } from './workbench/window-intake';
import './services.css';

/** The queue tabs and the states each holds. */
const TABS: readonly { key: string; states: readonly CaseState[] }[] = [
  { key: 'toAccept', states: ['submitted', 'forwarded'] },
  { key: 'accepted', states: ['accepted'] },
  { key: 'inReview', states: ['in_review'] },
  { key: 'suspended', states: ['suspended'] },
  { key: 'toDeliver', states: ['approved'] },
  { key: 'returned', states: ['returned'] },
  { key: 'closed', states: ['delivered', 'denied'] },
];

/**
 * /workbench/services (办件工作台): every officer's department queue by state and deadline; 政务服务 officers also
 * switch to their windows' cases (窗口) and escalated ones (督办), and receive applicants in person (窗口收件).
 */
export default function ServicesWorkbenchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const names = useServicesNames();
  const { message } = App.useApp();
  const servicesOffice = user.department === SERVICES_DEPARTMENT;
  const [view, setView] = useState<QueueView>(servicesOffice ? 'receiving' : 'handling');
  const [tab, setTab] = useState('toAccept');
  const [openCase, setOpenCase] = useState<string | null>(null);
  const [intake, setIntake] = useState(false);
  return (
    <Flex vertical gap={12} className="services-page services-page--wide">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('services.workbench.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('services.workbench.intro', {
              office: names.office(`${user.divisionCode ?? ''}/${user.department ?? ''}`) ?? '',
            })}
          </Typography.Paragraph>
        </div>
        {servicesOffice && (
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => setIntake(true)} data-testid="open-intake">
              {t('services.intake.open')}
            </Button>
            <Button onClick={() => navigate('/workbench/services/statistics')} data-testid="open-statistics">
              {t('menu.servicesStatistics')}
            </Button>
          </Flex>
        )}
      </Flex>
      {servicesOffice && (
        <Segmented<QueueView>
          value={view}
          onChange={setView}
          data-testid="queue-view"
          options={(['receiving', 'handling', 'supervision'] as const).map((v) => ({
            value: v,
            label: t(`services.workbench.views.${v}`),
          }))}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={TABS.map(({ key, states }) => ({
          key,
          label: t(`services.workbench.tabs.${key}` as 'services.workbench.tabs.toAccept'),
          children: <QueueList key={`${view}-${key}`} view={view} states={states} onOpen={setOpenCase} />,
        }))}
      />
      <CaseDrawer caseId={openCase} onClose={() => setOpenCase(null)} />
      {servicesOffice && (
        <WindowIntake
          open={intake}
          ownCity={`${(user.divisionCode ?? '330800').slice(0, 4)}00`}
          onClose={() => setIntake(false)}
          onSubmitted={(submitted) => {
            setIntake(false);
            void message.success(
              t('services.intake.submitted', {
                id: submitted.id,
                state: t(`services.states.${submitted.state}`),
              }),
            );
            setOpenCase(submitted.id);
          }}
        />
      )}
    </Flex>
  );
}
