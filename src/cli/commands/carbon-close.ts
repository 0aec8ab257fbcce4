import { userInfo } from 'node:os';
import { type Command, Command as CommanderCommand, InvalidArgumentError } from 'commander';
import { terminalProgress } from '../../kernel/progress';
import type { CloseStatistics } from '../../modules/carbon/close-statistics';
import { withPlatform } from '../open';

const tonnes = (grams: number) =>
  (grams / 1_000_000).toLocaleString('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const count = (n: number) => n.toLocaleString('en');

/** The summary the command prints: one line per figure, then per county. */
export function closeSummary(runId: string, seconds: number, s: CloseStatistics): string {
  const lines = [
    `closed ${s.period} in ${seconds.toFixed(1)} s (run ${runId})`,
    `personal: ${count(s.personal.residents)} residents, ${count(s.personal.events)} events, ${tonnes(s.personal.grams)} t CO2e reduced, ${count(s.personal.points)} points`,
    `points expired by ${s.expiry?.asOf ?? '-'}: ${count(s.expiry?.points ?? 0)} from ${count(s.expiry?.residents ?? 0)} residents`,
    s.enterprisesClosed
      ? `enterprises: ${count(s.emissionsByCounty.reduce((n, c) => n + (c.enterprises ?? 0), 0))} closed; labels ${JSON.stringify(s.labels.enterprises)}`
      : 'enterprises: not closed (the industrial close is not available in this build)',
    `farms (${s.farmYear}): ${count(s.emissionsByCounty.reduce((n, c) => n + c.farms, 0))}; labels ${JSON.stringify(s.labels.farms)}`,
    'county\tresidents\treduced t\tpoints\tenterprise t\tfarm net t',
  ];
  const counties = new Set([
    ...s.personal.byCounty.map((c) => c.countyCode),
    ...s.emissionsByCounty.map((c) => c.countyCode),
  ]);
  for (const code of [...counties].sort()) {
    const p = s.personal.byCounty.find((c) => c.countyCode === code);
    const e = s.emissionsByCounty.find((c) => c.countyCode === code);
    lines.push(
      [
        code,
        count(p?.residents ?? 0),
        tonnes(p?.grams ?? 0),
        count(p?.points ?? 0),
        e?.enterpriseGrams === null || e?.enterpriseGrams === undefined ? '-' : tonnes(e.enterpriseGrams),
        tonnes(e?.farmNetGrams ?? 0),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `sanqu carbon close --period YYYY-MM`: the monthly close (月度结算), run here rather than in the server. */
export function carbonCloseCommand(): Command {
  return new CommanderCommand('close')
    .description(
      'Monthly close: expire points, compute every account for the month, store the city statistics',
    )
    .requiredOption('--period <YYYY-MM>', 'a month that has ended (Asia/Shanghai)', (value) => {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
        throw new InvalidArgumentError('expected YYYY-MM, e.g. 2026-03');
      return value;
    })
    .action((options: { period: string }) =>
      withPlatform(async (platform) => {
        const started = Date.now();
        const { run, statistics } = await platform.carbon.close.run(options.period, {
          progress: terminalProgress(),
          startedBy: `cli:${userInfo().username}`,
        });
        process.stdout.write(closeSummary(run.id, (Date.now() - started) / 1000, statistics));
      }),
    );
}

/**
 * Adds `close` under the `carbon` command, creating the group when no other carbon command has yet (the import
 * command lives in its own file and may register the group first).
 */
export function addCarbonCloseCommand(program: Command): void {
  const carbon =
    program.commands.find((c) => c.name() === 'carbon') ??
    program.command('carbon').description('Carbon accounts (碳账户)');
  carbon.addCommand(carbonCloseCommand());
}
