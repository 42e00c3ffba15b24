import type { Generated, Selectable } from 'kysely';

/**
 * The one Kysely `Database` interface. Times are ISO-8601 UTC text; money is INTEGER fen.
 * Each desk adds its tables here next to its migration.
 */
export interface OperatorsTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface OperatorRolesTable {
  operator_id: number;
  role: string;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  operator_id: number;
  created_at: string;
  last_seen_at: string;
  locked_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

/** A client an operator has signed in from (only a hash of its name): never slowed by others' wrong passwords. */
export interface TrustedClientsTable {
  operator_id: number;
  client_hash: string;
  first_at: string;
  last_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator_id: number | null;
  command: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** The second person who approved the command (dual control); null when none was needed. */
  approver_id: Generated<number | null>;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface EstatesTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface BuildingsTable {
  id: Generated<number>;
  estate_id: number;
  code: string;
  name: string;
  floors: number | null;
  created_at: string;
  updated_at: string;
}

export interface UnitsTable {
  id: Generated<number>;
  estate_id: number;
  building_id: number;
  entrance: string;
  room: string;
  code: string;
  floor: number | null;
  /** 建筑面积 in 0.01 m² (1 dm²). */
  area_dm2: number | null;
  type: string;
  state: string;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UnitStateHistoryTable {
  id: Generated<number>;
  unit_id: number;
  from_state: string | null;
  to_state: string;
  at: string;
  operator_id: number | null;
  reason: Generated<string>;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string | null;
  mobile: string | null;
  other_phone: string | null;
  id_type: string;
  id_number: string | null;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface UnitPeopleTable {
  id: Generated<number>;
  unit_id: number;
  person_id: number;
  role: string;
  start_date: string | null;
  end_date: string | null;
  end_reason: string | null;
  created_at: string;
}

/** A roster layout's hand-set column mapping (estate import), keyed by a digest of its headers. */
export interface RosterMappingsTable {
  headers_key: string;
  headers_json: string;
  mapping_json: string;
  updated_at: string;
  operator_id: number | null;
}

export interface VehiclesTable {
  id: Generated<number>;
  plate: string;
  unit_id: number | null;
  person_id: number | null;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: Generated<number>;
  name: string;
  active: Generated<number>;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  department_id: number;
  position: Generated<string>;
  mobile: string | null;
  operator_id: number | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReceptionEntriesTable {
  id: Generated<number>;
  no: string;
  channel: string;
  category: string;
  urgency: string;
  unit_id: number | null;
  person_id: number | null;
  contact_name: string;
  contact_phone: string;
  content: string;
  repair_scope: string | null;
  handler_staff_id: number | null;
  handler_department_id: number | null;
  received_at: string;
  own_due_at: string | null;
  handler_due_at: string;
  escalate_due_at: string;
  owner_due_at: string | null;
  handler_answered_at: string | null;
  owner_answered_at: string | null;
  escalated_at: string | null;
  escalated_to: Generated<string>;
  escalated_to_operator_id: number | null;
  escalation_answered_at: string | null;
  supervisor_ack_at: string | null;
  state: string;
  next_due_at: string | null;
  result: Generated<string>;
  closed_at: string | null;
  void_reason: Generated<string>;
  /** No longer written: prints are counted in print_log (migration 0009 carried these over). */
  print_count: Generated<number>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface ReceptionEventsTable {
  id: Generated<number>;
  entry_id: number;
  kind: string;
  at: string;
  operator_id: number;
  text: string;
}

export interface ReceptionComplaintsTable {
  entry_id: number;
  no: string;
  kind: string;
  respondent: string;
  satisfaction: string | null;
}

export interface ReceptionVisitorsTable {
  id: Generated<number>;
  no: string;
  name: string;
  phone: string;
  unit_id: number | null;
  reason: string;
  plate: string;
  companions: number;
  in_at: string;
  out_at: string | null;
  voided_at: string | null;
  void_reason: Generated<string>;
  created_by: number;
  created_at: string;
}

/** Append-only (triggers): one row per printed job of a record's form. */
export interface PrintLogTable {
  id: Generated<number>;
  form_key: string;
  /** The record's printed number (JD…, JJ…, a report's day). */
  record_no: string;
  printed_at: string;
  operator_id: number;
  copies: number;
  output: string;
}

/** Append-only (triggers): a 交班表 as printed, under its JJ number. */
export interface ReceptionHandoversTable {
  id: Generated<number>;
  no: string;
  generated_at: string;
  operator_id: number;
  /** The Handover as printed, JSON. */
  content: string;
}

export interface SerialCountersTable {
  prefix: string;
  day: string;
  last: number;
}

/** 维修单 (migration 0011). */
export interface RepairOrdersTable {
  id: Generated<number>;
  no: string;
  scope: string;
  category: string;
  unit_id: number | null;
  location: Generated<string>;
  person_id: number | null;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  description: string;
  appointment_at: string | null;
  emergency: Generated<number>;
  chargeable: Generated<number>;
  charge_items: Generated<string>;
  state: string;
  technician_id: number | null;
  entry_id: number | null;
  round: Generated<number>;
  opened_at: string;
  dispatched_at: string | null;
  arrive_due_at: string | null;
  arrived_at: string | null;
  first_arrived_at: string | null;
  back_due_at: string | null;
  back_at: string | null;
  work_done_at: string | null;
  inspection_due_at: string | null;
  completed_at: string | null;
  callback_due_at: string | null;
  called_back_at: string | null;
  closed_at: string | null;
  next_due_at: string | null;
  arrive_late_minutes: number | null;
  back_late_minutes: number | null;
  inspection_late_minutes: number | null;
  callback_late_minutes: number | null;
  materials_fen: Generated<number>;
  labour_fen: Generated<number>;
  total_fen: Generated<number>;
  signer: string | null;
  signer_name: Generated<string>;
  satisfaction: string | null;
  callback_result: string | null;
  callback_process: string | null;
  callback_person: string | null;
  callback_notes: Generated<string>;
  pause_reason: Generated<string>;
  void_reason: Generated<string>;
  created_by: number;
  created_at: string;
  updated_at: string;
}

export interface RepairEventsTable {
  id: Generated<number>;
  order_id: number;
  kind: string;
  /** When it happened (as the technician reported it). */
  at: string;
  /** When the desk recorded it. */
  recorded_at: string;
  operator_id: number;
  technician_id: number | null;
  text: string;
  deadline_key: string | null;
  late_minutes: number | null;
}

/** How many repair orders there are: one row kept by an insert trigger (orders are never deleted). */
export interface RepairOrderCountTable {
  id: number;
  n: number;
}

export interface RepairMaterialsTable {
  id: Generated<number>;
  order_id: number;
  round: number;
  line_no: number;
  name: string;
  spec: string;
  model: string;
  unit: string;
  quantity: number;
  unit_price_fen: number;
  amount_fen: number;
}

/** What a unit owes (a chargeable repair now; the fees desk's bills later). */
export interface BillsTable {
  id: Generated<number>;
  unit_id: number;
  source: string;
  source_id: number | null;
  item: string;
  period: string | null;
  amount_fen: number;
  state: string;
  created_at: string;
  created_by: number;
  paid_at: string | null;
  voided_at: string | null;
  void_reason: Generated<string>;
  updated_at: string;
  /** 0012: the fee item of a run or charged bill; its basis ('120.50 m² × 2.50 元/m²'); the vacancy rate applied; due date (office day). */
  fee_item_id: number | null;
  basis: Generated<string>;
  vacancy: Generated<number>;
  /** Filled from created_at's office day by a trigger when a bill is inserted without one. */
  due_date: string | null;
}

export interface FeeItemsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  method: string;
  rate_fen: number;
  meter: string | null;
  enabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface FeeAssignmentsTable {
  id: Generated<number>;
  fee_item_id: number;
  scope: string;
  target: string;
  start_month: string;
  end_month: string | null;
  rate_fen: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
}

export interface MeterReadingsTable {
  id: Generated<number>;
  unit_id: number;
  meter: string;
  month: string;
  /** Cumulative, 0.01 t / 0.01 kWh. */
  reading: number;
  usage: number | null;
  read_at: string;
  operator_id: number;
  correction_reason: Generated<string>;
  updated_at: string;
}

export interface VacanciesTable {
  id: Generated<number>;
  unit_id: number;
  start_month: string;
  end_month: string;
  state: string;
  note: Generated<string>;
  end_reason: Generated<string>;
  created_at: string;
  created_by: number;
  updated_at: string;
}

/** 收费 counter: receipts, reversals and refund slips (never deleted; only voided once). */
export interface ReceiptsTable {
  id: Generated<number>;
  no: string;
  kind: string;
  unit_id: number;
  payer_name: string;
  method: string;
  reference: string;
  cash_received_fen: number | null;
  change_fen: number;
  total_fen: number;
  cashier_id: number;
  created_at: string;
  discount_approver_id: number | null;
  original_id: number | null;
  reason: string;
  state: Generated<string>;
  voided_at: string | null;
  void_reason: Generated<string>;
  voided_by: number | null;
  void_approver_id: number | null;
}

export interface ReceiptLinesTable {
  id: Generated<number>;
  receipt_id: number;
  kind: string;
  bill_id: number | null;
  item: string;
  period: string | null;
  category: string;
  amount_fen: number;
  note: string;
}

export interface DepositsTable {
  id: Generated<number>;
  unit_id: number;
  bill_id: number;
  receipt_id: number;
  item: string;
  amount_fen: number;
  collected_at: string;
  state: Generated<string>;
  refund_receipt_id: number | null;
  refunded_at: string | null;
  refunded_fen: number | null;
}

export interface CashierClosesTable {
  id: Generated<number>;
  no: string;
  cashier_id: number;
  closed_at: string;
  through_receipt_id: number;
  first_at: string | null;
  last_at: string | null;
  receipt_count: number;
  expected_fen: number;
  expected_cash_fen: number;
  counted_cash_fen: number;
  difference_fen: number;
  /** JSON: the per-method figures (MethodTotals[]) as they were at the close. */
  methods: string;
  note: string;
}

/** 物品放行 (migration 0017): one row per goods-release pass; never deleted, its state only moves forward. */
export interface PassesTable {
  id: Generated<number>;
  no: string;
  state: string;
  type: string;
  applicant_type: string;
  person_id: number | null;
  applicant_name: string;
  applicant_phone: string;
  /** The applicant's ID number's last 4–6 characters only. */
  applicant_id_tail: string;
  unit_id: number;
  /** The unit's building when applied for (the monthly report counts by it). */
  building_id: number;
  planned_at: string;
  valid_from: string;
  valid_until: string;
  plate: string | null;
  driver_name: string;
  driver_id_tail: string;
  /** The pass_items revision in force (an edit while pending adds one). */
  items_revision: Generated<number>;
  /** "沙发 1 套、冰箱 1 台", for lists. */
  items_text: string;
  confirm_method: string | null;
  confirm_at: string | null;
  confirm_owner: string;
  confirm_taken_by: string;
  auth_owner: string;
  auth_signed_on: string | null;
  auth_note: string;
  release_certificate_no: string;
  notes: string;
  approved_at: string | null;
  approved_by: number | null;
  override_reason: Generated<string>;
  override_approver_id: number | null;
  override_unpaid_fen: number | null;
  override_unpaid_count: number | null;
  gate_at: string | null;
  gate_operator_id: number | null;
  gate_plate: string | null;
  gate_driver_name: Generated<string>;
  gate_driver_id_tail: Generated<string>;
  gate_notes: Generated<string>;
  /** JSON array of pass_items ids that did not match at the gate. */
  gate_mismatched: Generated<string>;
  voided_at: string | null;
  voided_by: number | null;
  void_reason: Generated<string>;
  expired_at: string | null;
  reissued_from_id: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** How many passes there are: one row kept by an insert trigger (passes are never deleted). */
export interface PassCountTable {
  id: number;
  n: number;
}

export interface PassItemsTable {
  id: Generated<number>;
  pass_id: number;
  revision: number;
  line_no: number;
  name: string;
  quantity: number;
  unit: string;
}

export interface PassEventsTable {
  id: Generated<number>;
  pass_id: number;
  kind: string;
  at: string;
  /** Null: 系统 (an expiry no person recorded). */
  operator_id: number | null;
  text: string;
}

export interface Database {
  operators: OperatorsTable;
  operator_roles: OperatorRolesTable;
  sessions: SessionsTable;
  trusted_clients: TrustedClientsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  estates: EstatesTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  unit_state_history: UnitStateHistoryTable;
  people: PeopleTable;
  unit_people: UnitPeopleTable;
  vehicles: VehiclesTable;
  roster_mappings: RosterMappingsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  reception_entries: ReceptionEntriesTable;
  reception_events: ReceptionEventsTable;
  reception_complaints: ReceptionComplaintsTable;
  reception_visitors: ReceptionVisitorsTable;
  serial_counters: SerialCountersTable;
  print_log: PrintLogTable;
  reception_handovers: ReceptionHandoversTable;
  repair_orders: RepairOrdersTable;
  repair_events: RepairEventsTable;
  repair_materials: RepairMaterialsTable;
  repair_order_count: RepairOrderCountTable;
  bills: BillsTable;
  fee_items: FeeItemsTable;
  fee_assignments: FeeAssignmentsTable;
  meter_readings: MeterReadingsTable;
  vacancies: VacanciesTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  deposits: DepositsTable;
  cashier_closes: CashierClosesTable;
  passes: PassesTable;
  pass_items: PassItemsTable;
  pass_count: PassCountTable;
  pass_events: PassEventsTable;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type SessionRow = Selectable<SessionsTable>;
