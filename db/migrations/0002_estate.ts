import { sql, type Kysely } from 'kysely';

// Frozen in time: a migration never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE estates (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TABLE buildings (
      id INTEGER PRIMARY KEY,
      estate_id INTEGER NOT NULL REFERENCES estates(id),
      code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 6),
      name TEXT NOT NULL CHECK (length(name) <= 30),
      floors INTEGER CHECK (floors IS NULL OR floors BETWEEN 1 AND 200),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (estate_id, code)
    ) STRICT`,
    // area_dm2: 建筑面积 in 0.01 m² (= 1 dm²), an integer like money in fen.
    sql`CREATE TABLE units (
      id INTEGER PRIMARY KEY,
      estate_id INTEGER NOT NULL REFERENCES estates(id),
      building_id INTEGER NOT NULL REFERENCES buildings(id),
      entrance TEXT NOT NULL CHECK (length(entrance) <= 8),
      room TEXT NOT NULL CHECK (length(room) BETWEEN 1 AND 8),
      code TEXT NOT NULL,
      floor INTEGER CHECK (floor IS NULL OR floor BETWEEN -10 AND 200),
      area_dm2 INTEGER CHECK (area_dm2 IS NULL OR area_dm2 BETWEEN 1 AND 1000000),
      type TEXT NOT NULL CHECK (type IN ('residential','shop','parking','storage','office')),
      state TEXT NOT NULL CHECK (state IN ('unsold','vacant','occupied','renovating','let')),
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (estate_id, code)
    ) STRICT`,
    sql`CREATE INDEX units_building ON units(building_id, entrance, room)`,
    sql`CREATE INDEX units_code ON units(code)`,
    sql`CREATE INDEX units_room ON units(room)`,
    sql`CREATE TABLE unit_state_history (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      from_state TEXT,
      to_state TEXT NOT NULL,
      at TEXT NOT NULL,
      operator_id INTEGER REFERENCES operators(id),
      reason TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    sql`CREATE INDEX unit_state_history_unit ON unit_state_history(unit_id, at)`,
    // Search columns (pinyin, initials) are written with the name so the counter search is an
    // index lookup, never a scan.
    sql`CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      name_pinyin TEXT NOT NULL COLLATE NOCASE,
      name_initials TEXT NOT NULL COLLATE NOCASE,
      gender TEXT CHECK (gender IS NULL OR gender IN ('male','female')),
      mobile TEXT CHECK (mobile IS NULL OR length(mobile) = 11),
      other_phone TEXT,
      id_type TEXT NOT NULL CHECK (id_type IN ('resident_id','hk_macao_permit','taiwan_permit','passport','foreign_permanent','other')),
      id_number TEXT,
      notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 500),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE UNIQUE INDEX people_id_number ON people(id_type, id_number) WHERE id_number IS NOT NULL`,
    sql`CREATE INDEX people_name ON people(name)`,
    sql`CREATE INDEX people_pinyin ON people(name_pinyin)`,
    sql`CREATE INDEX people_initials ON people(name_initials)`,
    sql`CREATE INDEX people_mobile ON people(mobile)`,
    sql`CREATE INDEX people_mobile_tail ON people(substr(mobile, -4))`,
    sql`CREATE INDEX people_id_tail4 ON people(substr(id_number, -4))`,
    sql`CREATE INDEX people_id_tail5 ON people(substr(id_number, -5))`,
    sql`CREATE INDEX people_id_tail6 ON people(substr(id_number, -6))`,
    sql`CREATE TABLE unit_people (
      id INTEGER PRIMARY KEY,
      unit_id INTEGER NOT NULL REFERENCES units(id),
      person_id INTEGER NOT NULL REFERENCES people(id),
      role TEXT NOT NULL CHECK (role IN ('owner','family','tenant','agent')),
      start_date TEXT,
      end_date TEXT,
      end_reason TEXT,
      created_at TEXT NOT NULL
    ) STRICT`,
    // A person holds a role on a unit once at a time; ended links stay as history.
    sql`CREATE UNIQUE INDEX unit_people_current ON unit_people(unit_id, person_id, role) WHERE end_date IS NULL`,
    sql`CREATE INDEX unit_people_person ON unit_people(person_id)`,
    sql`CREATE TABLE vehicles (
      id INTEGER PRIMARY KEY,
      plate TEXT NOT NULL CHECK (length(plate) BETWEEN 7 AND 8),
      unit_id INTEGER REFERENCES units(id),
      person_id INTEGER REFERENCES people(id),
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE UNIQUE INDEX vehicles_plate ON vehicles(plate)`,
    sql`CREATE INDEX vehicles_plate_tail ON vehicles(substr(plate, -5))`,
    sql`CREATE INDEX vehicles_unit ON vehicles(unit_id)`,
    sql`CREATE TABLE departments (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT`,
    sql`CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      department_id INTEGER NOT NULL REFERENCES departments(id),
      position TEXT NOT NULL DEFAULT '',
      mobile TEXT,
      operator_id INTEGER UNIQUE REFERENCES operators(id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
  ];
  for (const statement of statements) await statement.execute(db);
  for (const name of ['客服部', '工程部', '秩序部', '环境部', '销售部', '财务部']) {
    await sql`INSERT INTO departments (name) VALUES (${name})`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are not reversed: restore the backup taken before migrating.');
}
