import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { KeyRow } from '../../../shared/contract/keys';
import type { UnitRow } from '../../../shared/contract/estate';
import { UNIT_STATE_LABELS } from '../../../shared/estate';
import { KEY_CLASSES, KEY_CLASS_LABELS, KEY_PLACES, KEY_PLACE_LABELS, type KeyClass, type KeyPlace } from '../../../shared/keys';
import { useCommandForm } from '../../components/forms';
import { useNotify } from '../../components/notify';
import { UnitPicker } from '../../components/pickers/UnitPicker';
import { useCommandResult } from '../../components/useCommandResult';
import { printHash } from '../../print/route';
import { useOpenPrint } from '../../print/useOpenPrint';
import { DepositKeyModal, PositionFields } from '../KeyActions';
import { LABEL_FORM } from '../print/forms';
import { go, keysHash } from '../route';
import { S } from '../strings';
import { BuildingSelect } from '../../components/pickers/BuildingSelect';

/** Classes a key is registered under here: an owner's deposit has its own form (who, authorisation, collectors). */
const REGISTER_CLASSES = KEY_CLASSES.filter((c) => c !== 'deposited');
const classOptions = REGISTER_CLASSES.map((c) => ({ value: c, label: KEY_CLASS_LABELS[c] }));

/** Once registered, their labels print at once: the keys' consecutive tags are one print record. */
function useAfterRegister() {
  const notify = useNotify();
  const openPrint = useOpenPrint();
  return (value: { keys: KeyRow[]; labelRecord: string }) => {
    notify.success(S.registerDone(value.keys.length));
    openPrint(printHash(LABEL_FORM, { serial: value.labelRecord }));
  };
}

/** 登记钥匙: one key (a unit's or a place's), or keys for many vacant units of a building at once. */
export function RegisterView() {
  const [depositing, setDepositing] = useState(false);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <BatchRegister />
      <SingleRegister onDeposit={() => setDepositing(true)} />
      {depositing && <DepositKeyModal onClose={() => setDepositing(false)} onDeposited={(k) => go(keysHash.key(k.id))} />}
    </Space>
  );
}

interface SingleValues {
  /** One line, named as the command's input so the server's `keys.0.hook` lands on its field. */
  keys: [{ unitId: number | null; place: KeyPlace | null; placeNote: string; keyClass: KeyClass; keyCount: number; cabinet: string; hook: string; note: string }];
}

const line = (name: string) => ['keys', 0, name];

function SingleRegister(props: { onDeposit(): void }) {
  const [form] = Form.useForm<SingleValues>();
  const { submit, submitting, formProps } = useCommandForm(form, 'keys.register');
  const after = useAfterRegister();
  const onFinish = async (v: SingleValues) => {
    const result = await submit(v);
    if (result.ok) after(result.value);
  };
  return (
    <Card size="small" title={S.registerOne} extra={<Button onClick={props.onDeposit}>{S.registerDeposit}</Button>}>
      <Form
        {...formProps}
        layout="vertical"
        style={{ maxWidth: 640 }}
        autoComplete="off"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ keys: [{ unitId: null, place: null, placeNote: '', keyClass: 'vacant', keyCount: 1, cabinet: '', hook: '', note: '' }] }}
      >
        <Space.Compact block>
          <Form.Item name={line('unitId')} label={S.registerUnit} style={{ width: '40%' }}>
            <UnitPicker aria-label={S.registerUnit} />
          </Form.Item>
          <Form.Item name={line('place')} label={S.registerPlace} style={{ width: '25%' }}>
            <Select allowClear aria-label={S.registerPlace} options={KEY_PLACES.map((p) => ({ value: p, label: KEY_PLACE_LABELS[p] }))} />
          </Form.Item>
          <Form.Item name={line('placeNote')} label={S.registerPlaceNote} style={{ width: '35%' }}>
            <Input maxLength={40} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name={line('keyClass')} label={S.registerClass} style={{ width: '50%' }}>
            <Select options={classOptions} />
          </Form.Item>
          <Form.Item name={line('keyCount')} label={S.registerCount} style={{ width: '50%' }}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <PositionFields prefix={['keys', 0]} />
        <Form.Item name={line('note')} label={S.registerNote}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {S.registerSubmit}
        </Button>
      </Form>
    </Card>
  );
}

/** "07" + 2 → "09": hooks numbered on from the first, keeping its zero padding (and any letters before the number). */
export function nthHook(first: string, n: number): string {
  const m = /^(.*?)(\d+)$/.exec(first.trim());
  if (!m) return first.trim();
  const next = String(Number(m[2]) + n);
  return `${m[1]}${next.padStart(m[2]!.length, '0')}`;
}

/** Unsold and vacant units of a building: the ones whose keys the office holds. */
function useKeylessUnits(buildingId: number | null) {
  const input = { filters: { buildingId: buildingId ?? 0 }, pageSize: 200, sort: { field: 'code' as const, desc: false } };
  const unsold = useCommandResult('estate.units', { ...input, filters: { ...input.filters, state: 'unsold' } });
  const vacant = useCommandResult('estate.units', { ...input, filters: { ...input.filters, state: 'vacant' } });
  return useMemo(() => {
    if (buildingId === null) return [];
    const rows = [...(unsold.value?.rows ?? []), ...(vacant.value?.rows ?? [])];
    return rows.sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true }));
  }, [buildingId, unsold.value, vacant.value]);
}

/**
 * 按房屋批量登记: pick a building, tick its unsold and vacant units, give the class, the cabinet and
 * the first hook — the hooks are numbered on in the units' order — and register them all; their
 * labels print at once (one per page).
 */
function BatchRegister() {
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const units = useKeylessUnits(buildingId);
  const [ticked, setTicked] = useState<number[]>([]);
  const [keyClass, setKeyClass] = useState<KeyClass>('vacant');
  const [cabinet, setCabinet] = useState('');
  const [hookFrom, setHookFrom] = useState('01');
  const [keyCount, setKeyCount] = useState(1);
  const [form] = Form.useForm();
  const { submit, submitting, formError } = useCommandForm(form, 'keys.register');
  const [problem, setProblem] = useState<string | null>(null);
  const after = useAfterRegister();
  const chosen = units.filter((u) => ticked.includes(u.id));

  const register = async () => {
    setProblem(null);
    if (!chosen.length) {
      setProblem(S.registerNoneTicked);
      return;
    }
    const keys = chosen.map((u, i) => ({ unitId: u.id, place: null, placeNote: '', keyClass, keyCount, cabinet, hook: nthHook(hookFrom, i), note: '' }));
    const result = await submit({ keys });
    if (result.ok) {
      setTicked([]);
      after(result.value);
    }
  };

  return (
    <Card size="small" title={S.registerBatch} data-testid="batch-register">
      {/* The command's form instance, connected; the lines have no fields of their own to take errors. */}
      <Form form={form} component={false} />
      <Typography.Paragraph type="secondary">{S.registerUnitsHint}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <BuildingSelect
          aria-label={S.registerBuilding}
          placeholder={S.registerPickBuilding}
          value={buildingId}
          onChange={(id) => {
            setBuildingId(id);
            setTicked([]);
          }}
        />
        <Select<KeyClass> aria-label={S.registerClass} value={keyClass} onChange={setKeyClass} options={classOptions} style={{ width: 150 }} />
        <label>
          {`${S.registerCabinet} `}
          <Input aria-label={S.registerCabinet} value={cabinet} maxLength={10} onChange={(e) => setCabinet(e.target.value)} style={{ width: 90 }} />
        </label>
        <label>
          {`${S.registerHookFrom} `}
          <Input aria-label={S.registerHookFrom} value={hookFrom} maxLength={10} onChange={(e) => setHookFrom(e.target.value)} style={{ width: 80 }} />
        </label>
        <label>
          {`${S.registerCount} `}
          <InputNumber aria-label={S.registerCount} min={1} max={50} precision={0} value={keyCount} onChange={(v) => setKeyCount(v ?? 1)} style={{ width: 70 }} />
        </label>
      </Space>
      {(problem ?? formError) && <Alert type="error" showIcon data-testid="batch-problem" title={problem ?? formError?.message} style={{ marginBottom: 12 }} />}
      <Table<UnitRow>
        size="small"
        rowKey="id"
        aria-label={S.registerUnitsTable}
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={units}
        columns={[
          {
            title: <Checkbox aria-label={S.registerTickAll} checked={units.length > 0 && ticked.length === units.length} onChange={(e) => setTicked(e.target.checked ? units.map((u) => u.id) : [])} />,
            width: 48,
            render: (_, u) => (
              <Checkbox aria-label={S.registerTick(u.code)} checked={ticked.includes(u.id)} onChange={(e) => setTicked((t) => (e.target.checked ? [...t, u.id] : t.filter((x) => x !== u.id)))} />
            ),
          },
          { title: S.registerUnit, dataIndex: 'code', width: 120 },
          { title: S.registerStateFilter, dataIndex: 'state', width: 90, render: (s: UnitRow['state']) => UNIT_STATE_LABELS[s] },
          {
            title: S.registerHook,
            render: (_, u) => {
              const i = chosen.findIndex((c) => c.id === u.id);
              return i < 0 ? '' : `${cabinet}${cabinet ? '-' : ''}${nthHook(hookFrom, i)}`;
            },
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={submitting} onClick={() => void register()} data-testid="batch-submit">
          {S.registerSubmit}
        </Button>
        <span>{S.registerPicked(chosen.length)}</span>
      </Space>
    </Card>
  );
}
