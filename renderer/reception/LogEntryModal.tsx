import { useEffect, useRef, useState } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LINK_ROLE_LABELS } from '../../shared/estate';
import { PHONE_INPUT_MAX } from '../../shared/phone';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  REPAIR_SCOPES,
  REPAIR_SCOPE_LABELS,
  unitContacts,
  URGENCIES,
  URGENCY_LABELS,
  type Category,
  type Channel,
  type RepairScope,
  type UnitContact,
  type Urgency,
} from '../../shared/reception';
import { call } from '../api/client';
import { useCommandForm } from '../components/forms';
import { afterToday, futureTimes, officeNow, pickedToIso } from '../dates';
import { StaffPicker } from '../components/pickers/StaffPicker';
import { WhoPicker, type WhoPick } from '../components/pickers/WhoPicker';
import { handlerIds } from './handler';
import { go, receptionHash } from './route';
import { S } from './strings';
import { useTouched } from './useTouched';

interface LogValues {
  channel: Channel;
  category: Category | undefined;
  urgency: Urgency;
  unitId: number | null;
  /** The resident chosen as the contact; OTHER_PERSON = someone else, typed by hand; undefined = no unit to offer from. */
  personId: number | undefined;
  contactName: string;
  contactPhone: string;
  repairScope: RepairScope | undefined;
  respondent: string;
  handler: string | null;
  content: string;
  receivedAt: Dayjs | null;
  ownDueAt: Dayjs | null;
  answeredNow: string;
}

export interface LogPrefill {
  pick: WhoPick;
  /** The unit's residents, as the unit card already has them. */
  contacts: UnitContact[];
  unitCode: string;
}

/** The last choice of the contact list: someone who is not one of the unit's residents. */
const OTHER_PERSON = 0;

/** Digit hotkeys of each radio group; the category's work from anywhere that is not a text box. */
const HOTKEYS = { channel: CHANNELS, urgency: URGENCIES, repairScope: REPAIR_SCOPES, category: CATEGORIES } as const;
type HotkeyGroup = keyof typeof HOTKEYS;

/** The picked category's radio (the first one when none is picked yet): where the digits work. */
const CATEGORY_RADIO = ['[data-hotkeys="category"] input[type="radio"]:checked', '[data-hotkeys="category"] input[type="radio"]'];

/** Focuses the first element found, trying the selectors in order. */
function focusIn(root: HTMLElement | null, selectors: string | string[]): boolean {
  for (const selector of typeof selectors === 'string' ? [selectors] : selectors) {
    const el = root?.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      return true;
    }
  }
  return false;
}

function typingIn(target: HTMLElement): boolean {
  return !!target.closest('textarea, input:not([type="radio"]):not([type="checkbox"]), .ant-select, .ant-picker, [contenteditable="true"]');
}

/**
 * 新登记: one piece of information in, by keyboard. The category is picked with 1–6 (focus then
 * moves to whatever is still missing), Ctrl+Enter submits from any field. Once a unit is picked
 * its residents are offered as the contact, the first (the owner) chosen and filled in, so from
 * the list a walk-in repair is F4 · 1 · unit · content · Ctrl+Enter, from the unit card F4 · 1 ·
 * content · Ctrl+Enter — both with the contact on record. Esc on a form with anything filled in
 * asks before throwing it away.
 */
export function LogEntryModal(props: { prefill?: LogPrefill; onClose(): void }) {
  const [form] = Form.useForm<LogValues>();
  const { message, modal } = App.useApp();
  const { submit, submitting, formProps } = useCommandForm(form, 'reception.log');
  const [pick, setPick] = useState<WhoPick | null>(props.prefill?.pick ?? null);
  const category = Form.useWatch('category', form);
  const bodyRef = useRef<HTMLDivElement>(null);
  // An untouched 接待时间 means "now" on the server's clock; an untouched scope follows the unit.
  const touched = useTouched<LogValues>(formProps);
  // The picked unit's residents (null: no unit, or still loading) and the one whose name and
  // number are filled in: those go to the server as "from the roster", never as typed. Kept in a
  // ref too, for the key and submit handlers that read it before React re-renders.
  const firstContact = props.prefill?.contacts[0] ?? null;
  const [contacts, setContacts] = useState<UnitContact[] | null>(props.prefill?.contacts ?? null);
  const [filledFrom, setFilledFrom] = useState<UnitContact | null>(firstContact);
  const filled = useRef<UnitContact | null>(firstContact);
  const offering = useRef<{ ticket: number; done: Promise<void> }>({ ticket: 0, done: Promise.resolve() });
  const confirmingDiscard = useRef(false);

  // At once when the field is already there: a fast typist's (or a scanner's) next keys must not
  // land before the focus does. Otherwise after React has rendered it (the enquiry answer row).
  const focus = (selector: string) => {
    if (!focusIn(bodyRef.current, selector)) window.setTimeout(() => focusIn(bodyRef.current, selector), 0);
  };

  const defaultScope = (unitId: number | null): RepairScope => (unitId !== null ? 'in_home' : 'public');

  // Fixed when the form opens: what "nothing changed" (Esc closes at once) is measured against.
  const [initialValues] = useState<Partial<LogValues>>(() => ({
    category: undefined,
    channel: 'visit',
    urgency: 'ordinary',
    unitId: props.prefill?.pick.unitId ?? null,
    personId: props.prefill ? (firstContact?.personId ?? OTHER_PERSON) : undefined,
    contactName: firstContact?.name ?? '',
    contactPhone: firstContact?.phone ?? '',
    repairScope: defaultScope(props.prefill?.pick.unitId ?? null),
    respondent: '',
    handler: null,
    content: '',
    receivedAt: officeNow(),
    ownDueAt: null,
    answeredNow: '',
  }));

  /** Puts a resident's name and number in (or, for OTHER_PERSON, takes out what was put in). */
  const chooseContact = (contact: UnitContact | null) => {
    const typed = form.getFieldsValue(['contactName', 'contactPhone']) as Pick<LogValues, 'contactName' | 'contactPhone'>;
    const was = filled.current;
    const keep = (value: string | undefined, from: string | undefined) => (value && value !== from ? value : '');
    form.setFields([
      { name: 'personId', value: contact?.personId ?? OTHER_PERSON, errors: [] },
      { name: 'contactName', value: contact ? contact.name : keep(typed.contactName, was?.name) },
      { name: 'contactPhone', value: contact ? contact.phone : keep(typed.contactPhone, was?.phone) },
    ]);
    filled.current = contact;
    setFilledFrom(contact);
  };

  const contactByDigit = (digit: number): UnitContact | null | undefined => {
    if (!contacts) return undefined;
    if (digit <= contacts.length) return contacts[digit - 1];
    return digit === contacts.length + 1 ? null : undefined;
  };

  /** The unit's residents from its card (the server masks what this role may not see), the first one chosen. */
  const offerContacts = (next: WhoPick | null) => {
    const ticket = offering.current.ticket + 1;
    const run = async () => {
      setContacts(null);
      if (next?.unitId == null) {
        chooseContact(null);
        form.setFieldValue('personId', undefined);
        if (next?.kind === 'person') form.setFieldValue('contactName', next.title);
        return;
      }
      const card = await call('estate.unitCard', { id: next.unitId });
      if (offering.current.ticket !== ticket) return;
      const list = card.ok ? unitContacts(card.value.people) : [];
      setContacts(list);
      const typed = form.getFieldsValue(['contactName', 'contactPhone']) as Pick<LogValues, 'contactName' | 'contactPhone'>;
      const ownWords = (!!typed.contactName && typed.contactName !== filled.current?.name) || (!!typed.contactPhone && typed.contactPhone !== filled.current?.phone);
      // A caller who already gave their own name keeps it; otherwise the person searched for, or the first resident.
      if (ownWords) form.setFieldValue('personId', OTHER_PERSON);
      else if (next.kind === 'unit') chooseContact(list[0] ?? null);
      else {
        const searched = list.find((c) => c.personId === next.personId) ?? null;
        chooseContact(searched);
        // Found by name but no longer living there: recorded by name, as any caller.
        if (!searched) form.setFieldValue('contactName', next.title);
      }
    };
    offering.current = { ticket, done: run() };
  };

  const onPick = (next: WhoPick | null) => {
    setPick(next);
    const unitId = next?.unitId ?? null;
    form.setFields([{ name: 'unitId', value: unitId, errors: [] }]);
    if (!touched.has('repairScope')) form.setFieldValue('repairScope', defaultScope(unitId));
    offerContacts(next);
    // Who, then what: the content is next.
    if (next) focus('#reception-log_content');
  };

  const chooseByKey = (group: HotkeyGroup | 'contact', digit: number): boolean => {
    if (group === 'contact') {
      const contact = contactByDigit(digit);
      if (contact === undefined) return false;
      chooseContact(contact);
      return true;
    }
    const values = HOTKEYS[group] as readonly string[];
    const value = values[digit - 1];
    if (!value) return false;
    form.setFields([{ name: group, value, errors: [] }]);
    touched.touch(group);
    if (group === 'category') focus(pick ? '#reception-log_content' : '#reception-log_unitId');
    return true;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      // Before the focused control sees it: the unit picker (a Select) would take Enter as "choose".
      e.preventDefault();
      e.stopPropagation();
      form.submit();
      return;
    }
    if (e.defaultPrevented) return;
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
    const target = e.target as HTMLElement;
    if (typingIn(target)) return;
    const group = target.closest('[data-hotkeys]')?.getAttribute('data-hotkeys') ?? 'category';
    const known = group === 'contact' || group in HOTKEYS ? (group as HotkeyGroup | 'contact') : 'category';
    if (chooseByKey(known, Number(e.key))) e.preventDefault();
  };

  // On the whole dialog (its frame holds the focus while it opens), not just the form.
  const latestKeyDown = useRef(onKeyDown);
  useEffect(() => {
    latestKeyDown.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const dialog = bodyRef.current?.closest('[role="dialog"]');
      if (dialog && e.target instanceof Node && dialog.contains(e.target)) latestKeyDown.current(e);
    };
    // Capture phase, so Ctrl+Enter submits from every field, the pickers included.
    window.addEventListener('keydown', listener, true);
    const timer = window.setTimeout(() => focusIn(bodyRef.current, CATEGORY_RADIO), 0);
    return () => {
      window.removeEventListener('keydown', listener, true);
      window.clearTimeout(timer);
    };
  }, []);

  const onFinish = async (v: LogValues) => {
    // A Ctrl+Enter straight after picking the unit must not beat its residents.
    await offering.current.done;
    const who = form.getFieldsValue(['personId', 'contactName', 'contactPhone']) as Pick<LogValues, 'personId' | 'contactName' | 'contactPhone'>;
    const unitId = pick?.unitId ?? null;
    const cat = v.category;
    // What still reads as filled from the roster is left to the server to copy from it.
    const own = (value: string | undefined, from: string | undefined) => (value && value !== from ? value : '');
    const result = await submit({
      channel: v.channel,
      // Always set here: the field's own rule asks for it before onFinish runs.
      category: cat as Category,
      urgency: v.urgency,
      unitId,
      personId: who.personId === undefined ? (pick?.personId ?? null) : who.personId || null,
      contactName: own(who.contactName, filled.current?.name),
      contactPhone: own(who.contactPhone, filled.current?.phone),
      content: v.content ?? '',
      repairScope: cat === 'repair' ? (v.repairScope ?? defaultScope(unitId)) : null,
      respondent: cat === 'complaint' ? (v.respondent ?? '') : '',
      ...handlerIds(v.handler),
      receivedAt: touched.time('receivedAt', v.receivedAt),
      ownDueAt: v.ownDueAt ? pickedToIso(v.ownDueAt) : null,
      answeredNow: cat === 'enquiry' ? (v.answeredNow ?? '') : '',
    });
    if (!result.ok) return;
    const entry = result.value;
    const key = `logged-${entry.id}`;
    void message.success(
      {
        key,
        content: (
          <span data-testid="logged-toast">
            {entry.state === 'closed' ? S.loggedClosed(entry.no) : S.logged(entry.no)}{' '}
            <Typography.Link
              onClick={() => {
                message.destroy(key);
                go(receptionHash.entry(entry.id));
              }}
            >
              {S.open}
            </Typography.Link>
          </span>
        ),
      },
      6,
    );
    props.onClose();
  };

  /** Anything typed or chosen since the form opened (Esc then asks before throwing it away). */
  const changed = () => {
    if ((pick?.key ?? null) !== (props.prefill?.pick.key ?? null)) return true;
    const now = form.getFieldsValue(true) as Record<string, unknown>;
    const comparable = (x: unknown) => (dayjs.isDayjs(x) ? x.valueOf() : (x ?? null));
    return Object.entries(initialValues).some(([field, initial]) => comparable(now[field]) !== comparable(initial));
  };

  const cancel = () => {
    if (!changed()) {
      props.onClose();
      return;
    }
    if (confirmingDiscard.current) return;
    confirmingDiscard.current = true;
    // Focus on 继续填写: Enter or Esc keeps the form, only 放弃 throws it away.
    modal.confirm({
      title: S.discardTitle,
      content: S.discardContent,
      okText: S.discardOk,
      okButtonProps: { danger: true },
      cancelText: S.discardKeep,
      autoFocusButton: 'cancel',
      onOk: props.onClose,
      afterClose: () => {
        confirmingDiscard.current = false;
      },
    });
  };

  const contactHint = filledFrom ? S.contactFilled(LINK_ROLE_LABELS[filledFrom.role], filledFrom.name) : S.contactOtherHint;

  return (
    <Modal
      open
      title={props.prefill ? S.logTitleUnit(props.prefill.unitCode) : S.logTitle}
      okText={S.logOk}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={cancel}
      mask={{ closable: false }}
      width={780}
      afterOpenChange={(open) => {
        if (open && !bodyRef.current?.contains(document.activeElement)) focusIn(bodyRef.current, CATEGORY_RADIO);
      }}
      data-testid="log-entry"
    >
      <div ref={bodyRef}>
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 12 }}>
          {S.logHint}
        </Typography.Paragraph>
        <Form {...touched.formProps} layout="vertical" onFinish={onFinish} initialValues={initialValues} autoComplete="off">
          <Form.Item label={S.category} name="category" rules={[{ required: true, message: S.categoryRequired }]}>
            <Radio.Group
              data-hotkeys="category"
              optionType="button"
              buttonStyle="solid"
              options={CATEGORIES.map((c, i) => ({ value: c, label: S.categoryHotkey(i + 1, CATEGORY_LABELS[c]) }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item label={S.channel} name="channel" required>
                <Radio.Group data-hotkeys="channel" options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item label={S.urgency} name="urgency" required>
                <Radio.Group data-hotkeys="urgency" options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={S.who} name="unitId">
                <WhoPicker pick={pick} onPick={onPick} notFound={S.whoNotFound} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={S.contactName} name="contactName">
                <Input maxLength={40} placeholder={S.contactNamePh} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={S.contactPhone} name="contactPhone">
                <Input maxLength={PHONE_INPUT_MAX} placeholder={S.contactPhonePh} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
          {contacts && contacts.length > 0 && (
            <Form.Item label={S.contactChoice} name="personId" extra={contactHint}>
              <Radio.Group
                data-hotkeys="contact"
                name="reception-log-contact"
                onChange={(e) => chooseContact(contacts.find((c) => c.personId === e.target.value) ?? null)}
                options={[
                  ...contacts.map((c, i) => ({ value: c.personId, label: S.contactOption(i + 1, c.name, LINK_ROLE_LABELS[c.role], c.phone) })),
                  { value: OTHER_PERSON, label: S.contactOther(contacts.length + 1) },
                ]}
              />
            </Form.Item>
          )}
          {contacts && contacts.length === 0 && <Typography.Paragraph type="secondary">{S.contactNone}</Typography.Paragraph>}
          {category === 'repair' && (
            <Form.Item label={S.repairScope} name="repairScope" required>
              <Radio.Group data-hotkeys="repairScope" options={REPAIR_SCOPES.map((s) => ({ value: s, label: REPAIR_SCOPE_LABELS[s] }))} />
            </Form.Item>
          )}
          {category === 'complaint' && (
            <Form.Item label={S.respondent} name="respondent">
              <Input maxLength={60} placeholder={S.respondentPh} />
            </Form.Item>
          )}
          <Form.Item label={S.content} name="content" required>
            <Input.TextArea rows={3} maxLength={1000} showCount placeholder={S.contentPh} />
          </Form.Item>
          {category === 'enquiry' && (
            <Form.Item label={S.answeredNow} name="answeredNow">
              <Input.TextArea rows={2} maxLength={500} placeholder={S.answeredNowPh} />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item label={S.handler} name="handler">
                <StaffPicker />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={S.receivedAt} name="receivedAt" tooltip={S.receivedAtHelp}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={afterToday} disabledTime={futureTimes} allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={S.ownDueAt} name="ownDueAt" tooltip={S.ownDueAtHelp}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
