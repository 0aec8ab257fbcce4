import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface ModuleLinkCardProps {
  /** The module page's name, as in the menu. */
  title: string;
  description: string;
  to: string;
}

/** On a role's home: a module page that has arrived, with a link to it. */
export function ModuleLinkCard({ title, description, to }: ModuleLinkCardProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.availableTitle')} size="small">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {description}
          </Typography.Paragraph>
        </div>
        <Link to={to}>{t('home.open', { title })} →</Link>
      </Flex>
    </Card>
  );
}
