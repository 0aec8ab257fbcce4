import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Usernames the demo city is seeded with (`SANQU_SEED_SCALE=demo`). */
const DEMO_USERNAMES = [
  'resident',
  'enterprise',
  'village',
  'officer',
  'officer-changshan',
  'bank',
  'auditor',
  'admin',
] as const;

/** A hint for trying the demo: click a username to fill it in. */
export function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="demo-accounts">
      <Typography.Text strong>{t('login.demoTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {t('login.demoHint')}
      </Typography.Paragraph>
      <Flex wrap gap={6}>
        {DEMO_USERNAMES.map((username) => (
          <Button key={username} size="small" onClick={() => onPick(username)}>
            {username}
          </Button>
        ))}
      </Flex>
    </div>
  );
}
