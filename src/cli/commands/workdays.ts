import { Command, InvalidArgumentError } from 'commander';
import { addWorkingDays, isIsoDate, loadHolidayCalendar, provisionalYearsIn } from '../../kernel/calendar';

/** `sanqu workdays 2026-09-30 5`: the date n working days after the start (the start day itself not counted). */
export function workdaysCommand() {
  return new Command('workdays')
    .description('Add working days on the statutory calendar (期间开始之日不计算在内)')
    .argument('<date>', 'start date, YYYY-MM-DD', (value) => {
      if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
      return value;
    })
    .argument('<n>', 'working days to add (negative counts back)', (value) => {
      if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
      return Number(value);
    })
    .action((date: string, n: number) => {
      const calendar = loadHolidayCalendar();
      const result = addWorkingDays(calendar, date, n);
      process.stdout.write(`${result}\n`);
      // stdout stays the bare date for scripts; the caveat goes to stderr.
      const provisional = provisionalYearsIn(calendar, date, result);
      if (provisional.length > 0)
        process.stderr.write(
          `note: ${provisional.join(', ')} on the provisional calendar (国务院令第795号 days off only, no 调休)\n`,
        );
    });
}
