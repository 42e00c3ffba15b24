import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { S } from './strings';

/**
 * The way back from a record's page (the unit card, a reception entry) to its list: the
 * 返回列表 button it returns, for the page's header and its error state, and Esc.
 */
export function useBackButton(back: () => void): ReactNode {
  useEscBack(back);
  return (
    <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => back()} title={S.backHint}>
      {S.back}
    </Button>
  );
}

/** Is a dialog (or the counter search) on screen, even fading out? Then Esc is its own. */
function dialogOpen(): boolean {
  const wraps = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')];
  return wraps.some((w) => w.style.display !== 'none');
}

/** Esc belongs to whatever is open on top — a field, a dialog, a dropdown — before it means "back". */
function useEscBack(back: () => void): void {
  const latest = useRef(back);
  useEffect(() => {
    latest.current = back;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], .ant-select, .ant-picker, .ant-modal-wrap')) return;
      if (dialogOpen() || document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
