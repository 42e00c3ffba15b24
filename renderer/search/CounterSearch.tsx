import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Input, Modal, Typography, theme, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { SearchHit } from '../../shared/contract/search';
import { useNotify } from '../components/notify';
import { openHit } from './openers';
import { useDesks } from '../desk-module';
import { useCounterSearch } from './useCounterSearch';
import { S } from './strings';

/**
 * The counter search box (F2 / Ctrl+K): one input, hits grouped by kind, ↑↓ + Enter to open.
 * A barcode scanner types a code and Enter faster than the debounce: Enter then waits for the
 * answer to exactly that text and opens its first hit. `initialText` is a code scanned elsewhere
 * (its Enter already pressed): it is searched for and its first hit opened the same way.
 */
export function CounterSearch(props: { open: boolean; initialText?: string; onClose(): void }) {
  return (
    <Modal
      open={props.open}
      title={S.title}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
      styles={{ body: { paddingTop: 4 } }}
      data-testid="counter-search"
    >
      {props.open && <SearchBody initialText={props.initialText} onClose={props.onClose} />}
    </Modal>
  );
}

function SearchBody(props: { initialText?: string; onClose(): void }) {
  const { token } = theme.useToken();
  const notify = useNotify();
  const inputRef = useRef<InputRef>(null);
  const [text, setText] = useState(props.initialText ?? '');
  const { answer, current, flush } = useCounterSearch(text);
  const hits = answer.groups.flatMap((g) => g.hits);
  const { openers } = useDesks();
  const [active, setActive] = useState(0);
  const [seen, setSeen] = useState(answer);
  if (seen !== answer) {
    setSeen(answer);
    setActive(0);
  }
  const pendingEnter = useRef(Boolean(props.initialText?.trim()));
  const listRef = useRef<HTMLDivElement>(null);

  // The dialog focuses itself when it opens; the input must have focus for the very first key.
  useEffect(() => {
    inputRef.current?.focus();
    const timer = window.setTimeout(() => inputRef.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    if (openHit(hit, openers)) props.onClose();
    else notify.error({ kind: 'not_found', message: S.noOpener });
  };

  // Enter pressed before the answer arrived: open the first hit of the answer for that text.
  useEffect(() => {
    if (!pendingEnter.current || !current) return;
    pendingEnter.current = false;
    open(hits[0]);
  });

  useEffect(() => {
    listRef.current?.querySelector(`[data-hit-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Enter confirms a pinyin candidate, not the search
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!hits.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!text.trim()) return;
      if (current) open(hits[active]);
      else {
        pendingEnter.current = true;
        flush();
      }
    }
  };

  const optionId = (i: number) => `counter-search-hit-${i}`;
  const q = text.trim();
  let index = -1;

  return (
    <>
      <Input
        ref={inputRef}
        size="large"
        autoFocus
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        aria-label={S.inputLabel}
        placeholder={S.placeholder}
        value={text}
        onChange={(e) => {
          pendingEnter.current = false;
          setText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="counter-search-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0', fontSize: 12 }}>
        {S.hint}
        <br />
        {S.keysHint}
      </Typography.Paragraph>
      {answer.error && current && (
        // Too many searches is a pause, not a fault: a warning saying when to go on.
        <Alert type={answer.error.kind === 'rate_limited' ? 'warning' : 'error'} showIcon title={answer.error.message} style={{ marginBottom: 8 }} />
      )}
      <div
        ref={listRef}
        id="counter-search-results"
        role="listbox"
        aria-label={S.resultsLabel}
        style={{ maxHeight: '55vh', overflowY: 'auto' }}
      >
        {answer.groups
          .filter((g) => g.hits.length)
          .map((group) => (
            <div key={group.kind} role="group" aria-label={group.label} style={{ marginBottom: 8 }}>
              <div role="presentation" style={{ fontSize: 12, color: token.colorTextSecondary, padding: '4px 8px', background: token.colorFillAlter }}>
                {group.label}
              </div>
              {group.hits.map((hit) => {
                index++;
                const i = index;
                const selected = i === active;
                return (
                  <div
                    key={`${hit.kind}-${hit.id}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={selected}
                    data-hit-index={i}
                    onMouseMove={() => setActive(i)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => open(hit)}
                    style={{
                      padding: '6px 8px',
                      cursor: 'pointer',
                      borderRadius: token.borderRadiusSM,
                      background: selected ? token.controlItemBgActive : undefined,
                      display: 'flex',
                      gap: 12,
                      alignItems: 'baseline',
                    }}
                  >
                    <Typography.Text strong style={{ flex: '0 0 auto' }}>
                      {hit.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ minWidth: 0 }}>
                      {hit.subtitle}
                    </Typography.Text>
                  </div>
                );
              })}
            </div>
          ))}
        {q && current && !answer.error && hits.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ padding: '12px 8px', margin: 0 }}>
            {S.empty}
          </Typography.Paragraph>
        )}
        {q && !current && hits.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ padding: '12px 8px', margin: 0 }}>
            {S.searching}
          </Typography.Paragraph>
        )}
      </div>
    </>
  );
}
