import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { type LoginRequest, login } from '../api/auth';
import { LanguageSwitch } from '../app/language-switch';
import { currentUserKey, currentUserQuery } from '../auth/current-user-query';
import { safeNextPath } from '../auth/safe-next-path';
import { DemoAccounts } from './demo-accounts';
import { LoginErrorAlert } from './login-error-alert';
import './login-page.css';

/** /login: username + password; on success, back to where the visitor was headed or the role's home. */
export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginRequest>();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const queryClient = useQueryClient();
  const { data: signedIn } = useQuery(currentUserQuery);
  const loginMutation = useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(currentUserKey, user);
      navigate(safeNextPath(next, user.role), { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  if (signedIn && !loginMutation.isPending)
    return <Navigate to={safeNextPath(next, signedIn.role)} replace />;

  return (
    <main className="login-page">
      <div className="login-page__language">
        <LanguageSwitch />
      </div>
      <Card className="login-page__card">
        <div className="login-page__brand">
          {t('common.appName')}
          <span>{t('common.appTagline')}</span>
        </div>
        <Typography.Title level={3}>{t('login.title')}</Typography.Title>
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={loginMutation.isPending}
          onFinish={(values) => loginMutation.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {loginMutation.error && (
            <Form.Item>
              <LoginErrorAlert error={loginMutation.error} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <DemoAccounts
          onPick={(username) => {
            form.setFieldValue('username', username);
            form.focusField('password');
          }}
        />
      </Card>
    </main>
  );
}
