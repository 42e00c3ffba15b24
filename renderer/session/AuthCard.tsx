import type { ReactNode } from 'react';
import { Card, Typography, theme } from 'antd';

/** The centred card the sign-in pages share. */
export function AuthCard(props: { title: string; subtitle?: ReactNode; testId: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={props.testId}
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: token.colorBgLayout, padding: 24 }}
    >
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        {props.subtitle && <Typography.Paragraph type="secondary">{props.subtitle}</Typography.Paragraph>}
        {props.children}
      </Card>
    </div>
  );
}
