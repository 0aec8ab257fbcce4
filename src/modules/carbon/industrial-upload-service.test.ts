import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth';
import { openTestDatabase, type TestDatabase, testDialects } from '../../kernel/db/test-databases';
import { AppError } from '../../kernel/errors';
import { type Platform, preparePlatform } from '../../platform';
import { UPLOAD_LIMITS } from './activity-upload';
import { TEST_ENTERPRISES as E, insertTestEnterprises } from './industrial-test-support';

const agent: Actor = {
  id: 'u-agent',
  username: 'agent',
  displayName: 'agent',
  role: 'enterprise_agent',
  department: null,
  divisionCode: '330822',
  subjectId: E.pharma.uscc,
};
const csv = (text: string, filename = 'march.csv') => ({ filename, bytes: new TextEncoder().encode(text) });
const HEADER = 'uscc,period,kind,amount,unit,valueAdded';

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
  return 200;
}

describe.each(testDialects)('activity upload on %s', (dialect) => {
  let database: TestDatabase;
  let platform: Platform;
  const upload = (file: { filename: string; bytes: Uint8Array }, dryRun = false) =>
    platform.carbon.industrial.uploadActivity(agent, file, { dryRun });

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    platform = await preparePlatform(database);
    await insertTestEnterprises(database, Object.values(E));
  }, 60_000);
  afterAll(() => database?.dispose());

  const mixed = [
    `\uFEFF${HEADER}`,
    `${E.pharma.uscc},2024-05,electricity,"120,000",kWh,800`,
    `${E.pharma.uscc},2024-05,raw_coal,12,kWh,`,
    `${E.pharma.uscc},2024-05,electricity,1,kWh,`,
    `${E.pharmaB.uscc},2024-05,electricity,1,kWh,`,
    `91330822MA2XX0019X,2024-05,electricity,1,kWh,`,
    `${E.pharma.uscc},2024-05,diesel,lots,t,`,
    `${E.pharma.uscc},2024-05,process,9000000,tCO2,`,
  ].join('\r\n');

  it('reports each row and stores nothing on a dry run', async () => {
    const report = await upload(csv(mixed), true);
    expect(report).toMatchObject({
      format: 'csv',
      dryRun: true,
      totals: { rows: 7, accepted: 1, warning: 1, rejected: 5 },
    });
    expect(report.results.map((r) => [r.row, r.status, r.messages[0]?.code])).toEqual([
      [2, 'accepted', undefined],
      [3, 'rejected', 'unknown_unit'],
      [4, 'rejected', 'duplicate_in_file'],
      [5, 'rejected', 'not_your_enterprise'],
      [6, 'rejected', 'invalid_uscc'],
      [7, 'rejected', 'amount_not_number'],
      [8, 'warning', 'plausibility_warning'],
    ]);
    for (const r of report.results.slice(1)) expect(r.messages[0]?.zh.length).toBeGreaterThan(5);
    expect(report.results[1]?.messages[0]?.en).toContain('allowed units: t, kg');
    expect((await platform.carbon.industrial.listActivity(E.pharma.uscc, '2024-05')).rows).toEqual([]);
  });

  it('stores the valid rows and value added in one go, flagged rows uncounted', async () => {
    const report = await upload(csv(mixed));
    expect(report.totals).toMatchObject({ accepted: 1, warning: 1, rejected: 5 });
    const month = await platform.carbon.industrial.listActivity(E.pharma.uscc, '2024-05');
    expect(month.valueAdded).toBe(800);
    expect(month.rows.map((r) => [r.kind, r.amount, r.channel, r.counted])).toEqual([
      ['electricity', 120_000, 'upload', true],
      ['process', 9_000_000, 'upload', false],
    ]);
    const again = await upload(csv(`${HEADER}\n${E.pharma.uscc},2024-05,electricity,130000,kWh,800`));
    expect(again.results[0]?.messages.map((m) => m.code)).toEqual(['replaced']);
    expect(await platform.audit.verify()).toMatchObject({ ok: true });
  });

  it('checks own generation against the month’s electricity on file', async () => {
    const report = await upload(csv(`${HEADER}\n${E.pharma.uscc},2024-05,own_renewable,500000,kWh,`));
    expect(report.results[0]).toMatchObject({
      status: 'rejected',
      messages: [{ code: 'renewable_exceeds_electricity' }],
    });
  });

  it('says so on the stored rows when the only row giving the value added is rejected', async () => {
    const report = await upload(
      csv(
        [
          HEADER,
          `${E.pharma.uscc},2024-07,raw_coal,12,kWh,500`,
          `${E.pharma.uscc},2024-07,electricity,100000,kWh,`,
        ].join('\n'),
      ),
    );
    expect(report.results.map((r) => [r.status, r.messages.map((m) => m.code)])).toEqual([
      ['rejected', ['unknown_unit']],
      ['accepted', ['value_added_not_stored']],
    ]);
    expect(report.results[1]?.messages[0]?.en).toContain('row 2');
    expect((await platform.carbon.industrial.listActivity(E.pharma.uscc, '2024-07')).valueAdded).toBeNull();
    const fixed = await upload(
      csv(
        [
          HEADER,
          `${E.pharma.uscc},2024-08,raw_coal,12,kWh,500`,
          `${E.pharma.uscc},2024-08,electricity,100000,kWh,500`,
        ].join('\n'),
      ),
    );
    expect(fixed.results[1]).toMatchObject({ status: 'accepted', messages: [] });
    expect((await platform.carbon.industrial.listActivity(E.pharma.uscc, '2024-08')).valueAdded).toBe(500);
  });

  it('reads XLSX with Chinese headers, dates as periods and formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('活动数据');
    sheet.addRow(['统一社会信用代码', '期间', '类型', '数量', '单位', '增加值（万元）']);
    sheet.addRow([
      E.pharma.uscc,
      new Date(Date.UTC(2024, 6, 1)),
      'natural_gas',
      { formula: '2*3', result: 6 },
      '10^4Nm3',
      700,
    ]);
    sheet.addRow([E.pharma.uscc, '2024-07', 'electricity', 90_000, 'kWh', 700]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await upload({ filename: 'July.XLSX', bytes });
    expect(report).toMatchObject({ format: 'xlsx', totals: { accepted: 2, rejected: 0 } });
    expect(report.results.map((r) => [r.row, r.period])).toEqual([
      [2, '2024-07'],
      [3, '2024-07'],
    ]);
  });

  it('refuses whole files that cannot be read with the right status', async () => {
    expect(await status(upload(csv('a;b', 'data.xls')))).toBe(415);
    expect(await status(upload(csv('uscc,period,kind\n1,2,3')))).toBe(422);
    expect(await status(upload(csv(HEADER)))).toBe(400);
    expect(await status(upload({ filename: 'gbk.csv', bytes: new Uint8Array([0xb5, 0xe7, 0x0a]) }))).toBe(
      400,
    );
    expect(await status(upload({ filename: 'broken.xlsx', bytes: new Uint8Array([1, 2, 3]) }))).toBe(400);
    const many = [
      HEADER,
      ...Array.from(
        { length: UPLOAD_LIMITS.maxRows + 1 },
        () => `${E.pharma.uscc},2024-05,electricity,1,kWh,`,
      ),
    ];
    expect(await status(upload(csv(many.join('\n'))))).toBe(413);
    expect(
      await status(upload({ filename: 'big.csv', bytes: new Uint8Array(UPLOAD_LIMITS.maxBytes + 1) })),
    ).toBe(413);
  });
});
