import type { CreateTableBuilder } from 'kysely';
import { addSerialPrimaryKey, type Migration } from '../../../kernel/db';

/** 一网通办: the item catalogue with its versions, cases with their timeline, materials, files, opinions, notices. */
export const createServices: Migration = {
  async up({ db, dialect }) {
    await db.schema
      .createTable('services_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('city_code', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('alliance', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('services_item_versions')
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('services_item_versions_pk', ['item_id', 'version'])
      .execute();

    // Columns by type, so the long table reads as three lists.
    let cases: CreateTableBuilder<'services_cases', string> = db.schema
      .createTable('services_cases')
      .addColumn('id', 'text', (c) => c.primaryKey());
    for (const column of [
      'item_id',
      'department',
      'applicant_type',
      'applicant_id',
      'applicant_name',
      'submitted_by',
      'handling_division',
      'receiving_division',
      'mode',
      'channel',
      'state',
      'submitted_at',
      'pauses',
      'form',
      'updated_at',
    ])
      cases = cases.addColumn(column, 'text', (c) => c.notNull());
    for (const column of [
      'item_version',
      'limit_days',
      'visits',
      'max_visits',
      'officer_returns',
      'consent',
      'row_version',
    ])
      cases = cases.addColumn(column, 'integer', (c) => c.notNull());
    // Working days from acceptance to decision, pauses excluded: set when decided, so statistics stay one SQL aggregate.
    cases = cases.addColumn('working_days', 'integer');
    for (const column of [
      'request_key',
      'accepted_on',
      'due_on',
      'warn_on',
      'warned_at',
      'escalated_at',
      'assignee_id',
      'assignee_name',
      'return_reasons',
      'decision_reason',
      'decided_at',
      'delivery',
      'tracking_number',
      'result_number',
      'delivered_at',
    ])
      cases = cases.addColumn(column, 'text');
    await cases.addUniqueConstraint('services_cases_request', ['applicant_id', 'request_key']).execute();
    // The officer's queue: a department's cases in one state, soonest deadline first; the division is filtered
    // inside the index, so a city officer's page and a county officer's page both read the index in order.
    await db.schema
      .createIndex('services_cases_queue')
      .on('services_cases')
      .columns(['department', 'state', 'due_on', 'id', 'handling_division'])
      .execute();
    // The supervisors' queue: the few cases escalated for being overdue.
    await db.schema
      .createIndex('services_cases_escalated')
      .on('services_cases')
      .column('escalated_at')
      .execute();
    // Finished cases, newest first, per department and state.
    await db.schema
      .createIndex('services_cases_finished')
      .on('services_cases')
      .columns(['department', 'state', 'id', 'handling_division'])
      .execute();
    // The deadline sweep: running cases whose warning day has come.
    await db.schema
      .createIndex('services_cases_deadline')
      .on('services_cases')
      .columns(['state', 'warn_on'])
      .execute();
    // The receiving window's cases (异地代收代办 and window intake) and the applicant's own list.
    await db.schema
      .createIndex('services_cases_receiving')
      .on('services_cases')
      .columns(['receiving_division', 'state', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('services_cases_applicant')
      .on('services_cases')
      .columns(['applicant_id', 'submitted_at'])
      .execute();

    await addSerialPrimaryKey(db.schema.createTable('services_case_events'), dialect, 'seq')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_division', 'text')
      .addColumn('actor_department', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('visit', 'integer', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('services_case_events_case')
      .on('services_case_events')
      .columns(['case_id', 'seq'])
      .execute();

    await db.schema
      .createTable('services_case_materials')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('material_key', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('file_hash', 'text')
      .addColumn('file_name', 'text')
      .addColumn('media_type', 'text')
      .addColumn('size', 'integer')
      .addColumn('proof', 'text')
      .addColumn('access_seq', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('services_case_materials_pk', ['case_id', 'material_key'])
      .execute();
    await db.schema
      .createTable('services_files')
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // One row per uploader: a user may cite only files they uploaded themselves, even if the bytes are shared.
      .addPrimaryKeyConstraint('services_files_pk', ['hash', 'uploaded_by'])
      .execute();
    await db.schema
      .createTable('services_opinions')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('division_code', 'text', (c) => c.notNull())
      .addColumn('opinion', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('services_opinions_pk', ['case_id', 'department'])
      .execute();
    // 办件编号 per city and day: the last number given out (numbers lost to a failed application leave gaps).
    await db.schema
      .createTable('services_case_numbers')
      .addColumn('city_code', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('last', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('services_case_numbers_pk', ['city_code', 'day'])
      .execute();
    await addSerialPrimaryKey(db.schema.createTable('services_notices'), dialect, 'id')
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('services_notices_recipient')
      .on('services_notices')
      .columns(['recipient', 'id'])
      .execute();
  },
};
