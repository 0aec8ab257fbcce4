import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../kernel/db/test-databases';
import { silentProgress } from '../../kernel/progress';
// Carbon's own close fixtures: the planted month is what a month of ingested behaviour events leaves behind.
import { plantEvents, previousMonth } from '../carbon/close-fixtures';
import { type CreditFixture, startCreditFixture } from './credit-test-support';

const period = previousMonth();

describe.each(testDialects)('green-life records from the carbon close on %s', (dialect) => {
  let f: CreditFixture;
  let a: string;
  let b: string;

  beforeAll(async () => {
    f = await startCreditFixture(dialect);
    [a, b] = f.changshan;
    await plantEvents(f.t.platform, [
      { subjectId: a, day: `${period}-05`, grams: 42_600, points: 4_260, expiresOn: '2099-01-01' },
      { subjectId: a, day: `${period}-06`, grams: 10_000, points: 1_000, expiresOn: '2099-01-01' },
      { subjectId: b, day: `${period}-07`, grams: 400, points: 40, expiresOn: '2099-01-01' },
    ]);
    await f.t.platform.carbon.close.run(period, { progress: silentProgress });
  }, 120_000);
  afterAll(() => f?.t.dispose());

  it('adds one record per resident with at least a kilogram reduced, dated the month’s last day, and scores it', async () => {
    const before = (await f.t.platform.credit.scores.current(a)).score;
    const result = await f.t.platform.credit.importGreenLife(period);
    expect(result).toEqual({ residents: 2, accepted: 1, duplicates: 0, rejected: 0 });
    const [record] = (await f.t.platform.credit.records.ofResident(a)).filter((r) => r.type === 'green_life');
    expect(record).toMatchObject({ quantity: 52, recordId: `carbon-${period}`, source: 'ecology/330800' });
    expect(record!.occurredOn.slice(0, 7)).toBe(period);
    expect((await f.t.platform.credit.scores.current(a)).score).toBe(before + Math.round(52 * 0.2));
    expect((await f.t.platform.credit.records.ofResident(b)).filter((r) => r.type === 'green_life')).toEqual(
      [],
    );
  });

  it('counts a month once however often it is imported', async () => {
    expect(await f.t.platform.credit.importGreenLife(period)).toEqual({
      residents: 2,
      accepted: 0,
      duplicates: 1,
      rejected: 0,
    });
  });
});
