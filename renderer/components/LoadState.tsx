import type { ReactNode } from 'react';
import { Button, Result, Space, Spin } from 'antd';
import type { CommandError } from '../../shared/result';
import { S } from './strings';

/**
 * What a page shows while its command has not answered yet: a centred spinner, or — when it
 * failed — the error (the 404 picture for a record that is not there) with the page's way back
 * and 重试, each where the page offers it.
 */
export function LoadState(props: { error: CommandError | null; loading: string; onRetry?: () => void; back?: ReactNode; minHeight?: number }) {
  const { error } = props;
  if (error) {
    const retry = props.onRetry && <Button onClick={props.onRetry}>{S.retry}</Button>;
    const extra = props.back ? (
      <Space>
        {props.back}
        {retry}
      </Space>
    ) : (
      retry
    );
    return <Result status={error.kind === 'not_found' ? '404' : 'warning'} title={error.message} extra={extra} />;
  }
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: props.minHeight ?? 240 }}>
      <Spin description={props.loading} />
    </div>
  );
}
