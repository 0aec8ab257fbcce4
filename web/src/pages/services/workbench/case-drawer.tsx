import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionInput,
  actOnCase,
  type CaseAction,
  type CaseDetail,
  caseResultUrl,
  giveOpinion,
} from '../../../api/services';
import { PageError } from '../../../app/page-error';
import { useIsNarrow } from '../../../app/use-is-narrow';
import { formatDateTime } from '../../credit/credit-format';
import { useNameOf } from '../../credit/use-name-of';
import { CaseMaterials } from '../case-materials';
import { CaseSummary } from '../case-summary';
import { CaseTimeline } from '../case-timeline';
import { PapersForm } from '../hall/papers-form';
import { ProblemsList } from '../problems-list';
import { serviceErrorText } from '../service-error';
import { hasResult } from '../services-format';
import { caseQuery, casesKey, itemQuery } from '../services-queries';
import { useServicesNames } from '../use-services-names';
import { ACTIONS_WITH_INPUT, ActionModal } from './action-modal';

/** The order buttons appear in: the usual next step first. */
const BUTTON_ORDER: readonly CaseAction[] = [
  'forward',
  'accept',
  'claim',
  'approve',
  'deliver',
  'request_supplement',
  'return',
  'transfer',
  'deny',
  'resubmit',
  'supplement',
];

/** One case for an officer: what they may do now (exactly the server's `actions`), the form, materials, proofs, opinions and timeline. */
export function CaseDrawer({ caseId, onClose }: { caseId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = useIsNarrow();
  const detail = useQuery({ ...caseQuery(caseId ?? ''), enabled: caseId !== null });
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={narrow ? '100%' : 'large'}
      destroyOnHidden
      title={t('services.workbench.caseTitle', { id: caseId ?? '' })}
      data-testid="case-drawer"
    >
      {detail.error && <PageError error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.data && <CaseView detail={detail.data} />}
    </Drawer>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const names = useServicesNames();
  const { message } = App.useApp();
  const client = useQueryClient();
  const c = detail.case;
  const item = useQuery(itemQuery(c.itemId));
  const definition = item.data?.definition;
  const [asking, setAsking] = useState<CaseAction | null>(null);
  const [papers, setPapers] = useState<'resubmit' | 'supplement' | null>(null);
  const [opinionOpen, setOpinionOpen] = useState(false);
  const act = useMutation({
    mutationFn: ({ action, input }: { action: CaseAction; input: ActionInput }) =>
      actOnCase(c.id, action, { ...input, expectedVersion: c.version }),
    onSuccess: (_, { action }) => {
      void message.success(t('services.workbench.done', { action: t(`services.actions.${action}`) }));
      setAsking(null);
      void client.invalidateQueries({ queryKey: casesKey });
    },
    onError: (error: Error, { action }) => {
      if (!ACTIONS_WITH_INPUT.includes(action)) void message.error(serviceErrorText(error));
    },
  });
  const buttons = BUTTON_ORDER.filter((action) => detail.actions.includes(action));
  const fieldLabel = (key: string) => {
    const field = definition?.form.find((f) => f.key === key);
    return field ? nameOf(field.label) : key;
  };
  const formEntries = Object.entries(detail.form);
  return (
    <Flex vertical gap={16} data-testid="case-view" data-state={c.state}>
      <div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {nameOf(c.itemName)}
        </Typography.Title>
        <Space wrap size={4}>
          {detail.roles.map((role) => (
            <Tag key={role} color="purple" data-testid="case-role">
              {t(`services.roles.${role}`)}
            </Tag>
          ))}
        </Space>
      </div>
      <Card size="small" title={t('services.workbench.actionsTitle')} data-testid="case-actions">
        {buttons.length === 0 ? (
          <Typography.Text type="secondary">{t('services.workbench.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {buttons.map((action) => (
              <Button
                key={action}
                type={action === buttons[0] ? 'primary' : 'default'}
                danger={action === 'deny' || action === 'return'}
                loading={act.isPending && act.variables?.action === action}
                data-testid={`action-${action}`}
                onClick={() => {
                  act.reset();
                  if (action === 'resubmit' || action === 'supplement') setPapers(action);
                  else if (ACTIONS_WITH_INPUT.includes(action)) setAsking(action);
                  else act.mutate({ action, input: {} });
                }}
              >
                {t(`services.actions.${action}`)}
              </Button>
            ))}
          </Space>
        )}
        {detail.roles.includes('joint') && (c.state === 'accepted' || c.state === 'in_review') && (
          <Button style={{ marginTop: 8 }} onClick={() => setOpinionOpen(true)} data-testid="action-opinion">
            {t('services.workbench.giveOpinion')}
          </Button>
        )}
        {hasResult(c) && (
          <div style={{ marginTop: 8 }}>
            <a href={caseResultUrl(c.id)} target="_blank" rel="noreferrer" data-testid="case-result-link">
              {t('services.outcome.openResult')}
            </a>
          </div>
        )}
      </Card>
      {c.returnReasons && c.returnReasons.length > 0 && (
        <ProblemsList
          problems={c.returnReasons}
          type="info"
          title={t(
            c.state === 'suspended' ? 'services.workbench.supplementAsked' : 'services.workbench.returnedFor',
          )}
        />
      )}
      <CaseSummary serviceCase={c} showApplicant />
      <Card size="small" title={t('services.case.form')}>
        {formEntries.length === 0 ? (
          <Typography.Text type="secondary">{t('services.case.noForm')}</Typography.Text>
        ) : (
          <Descriptions
            column={1}
            size="small"
            data-testid="case-form"
            items={formEntries.map(([key, value]) => ({
              key,
              label: fieldLabel(key),
              children: value === null || value === undefined ? t('common.none') : String(value),
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t('services.case.materials')}>
        <CaseMaterials caseId={c.id} materials={detail.materials} />
      </Card>
      {detail.opinions.length > 0 && (
        <Card size="small" title={t('services.case.opinions')}>
          <List
            size="small"
            dataSource={detail.opinions}
            renderItem={(o) => (
              <List.Item>
                {names.department(o.department)} ·{' '}
                {t(`services.opinions.${o.opinion}` as 'services.opinions.agree')} · {o.reason} ·{' '}
                {formatDateTime(o.at, i18n.language)}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={t('services.case.timeline')}>
        <CaseTimeline steps={detail.timeline} />
      </Card>
      <ActionModal
        action={asking}
        detail={detail}
        item={definition}
        pending={act.isPending}
        error={asking ? act.error : null}
        onCancel={() => setAsking(null)}
        onSubmit={(input) => asking && act.mutate({ action: asking, input })}
      />
      <Modal
        open={papers !== null}
        title={papers ? t(`services.actions.${papers}`) : ''}
        footer={null}
        onCancel={() => setPapers(null)}
        destroyOnHidden
      >
        {papers && <PapersForm detail={detail} action={papers} />}
      </Modal>
      <OpinionModal caseId={c.id} open={opinionOpen} onClose={() => setOpinionOpen(false)} />
    </Flex>
  );
}

/** 会签: a joint department agrees or disagrees (with its reason). */
function OpinionModal({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<{ opinion: 'agree' | 'disagree'; reason: string }>();
  const send = useMutation({
    mutationFn: (v: { opinion: 'agree' | 'disagree'; reason: string }) =>
      giveOpinion(caseId, { opinion: v.opinion, reason: v.reason?.trim() ?? '' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: casesKey });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('services.workbench.giveOpinion')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: send.isPending }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ opinion: 'agree', reason: '' }}
        onFinish={(v) => send.mutate(v)}
      >
        <Form.Item name="opinion">
          <Radio.Group
            options={(['agree', 'disagree'] as const).map((o) => ({
              value: o,
              label: t(`services.opinions.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('services.workbench.opinionReason')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {send.error && <Alert type="error" showIcon title={serviceErrorText(send.error)} />}
      </Form>
    </Modal>
  );
}
