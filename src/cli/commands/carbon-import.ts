import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { type Command, Command as CommanderCommand, InvalidArgumentError, Option } from 'commander';
import type { AuditActor } from '../../kernel/audit';
import type { Language } from '../../kernel/errors';
import { type Progress, terminalProgress } from '../../kernel/progress';
import { type IngestReport, SOURCE_NAME } from '../../modules/carbon/ingest-service';
import type { Platform } from '../../platform';
import { withPlatform } from '../open';

/** Events per call to the service: the HTTP batch limit, so an import and a partner's batches behave alike. */
const BATCH = 10_000;
/** A JSON array is parsed whole; past this size the file must be NDJSON, which streams. */
const MAX_ARRAY_BYTES = 256 * 1024 * 1024;

export interface ImportOptions {
  source: string;
  rejects?: string;
  lang: Language;
}

export interface ImportSummary {
  events: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  points: number;
}

/**
 * Who ran the import, for the audit trail: the OS user (as `carbon close` records it) and the process, since a
 * command line has no login behind it.
 */
export const cliActor = (): AuditActor => ({
  id: `cli:${userInfo().username}@${hostname()}:${process.pid}`,
  role: 'cli',
});

/** One batch on its way to the service: NDJSON lines (or array items) and their 1-based line numbers in the file. */
interface Batch {
  body: string[] | unknown[];
  lines: number[];
}

/** Whether the file opens with '[' (a JSON array) rather than an NDJSON line, looking at its first bytes only. */
function isJsonArray(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const read = readSync(fd, head, 0, head.length, 0);
    return head
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('[');
  } finally {
    closeSync(fd);
  }
}

/** NDJSON streamed line by line, BATCH non-blank lines at a time, reporting bytes read to `progress`. */
async function* ndjsonBatches(file: string, progress: Progress): AsyncGenerator<Batch> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: Batch = { body: [], lines: [] };
  let number = 0;
  for await (const line of lines) {
    number++;
    progress.increment(Buffer.byteLength(line) + 1);
    if (line.trim() === '') continue;
    (batch.body as string[]).push(line);
    batch.lines.push(number);
    if (batch.lines.length === BATCH) {
      yield batch;
      batch = { body: [], lines: [] };
    }
  }
  if (batch.lines.length > 0) yield batch;
}

/** A JSON array, parsed whole (bounded by MAX_ARRAY_BYTES), in batches; "lines" are 1-based array positions. */
function* arrayBatches(file: string, size: number): Generator<Batch> {
  if (size > MAX_ARRAY_BYTES)
    throw new Error(
      `${file} is a JSON array of ${size} bytes: convert it to NDJSON (one event per line) to stream it`,
    );
  const items: unknown = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!Array.isArray(items)) throw new Error(`${file} is neither a JSON array nor NDJSON`);
  for (let start = 0; start < items.length; start += BATCH) {
    const body = items.slice(start, start + BATCH);
    yield { body, lines: body.map((_, i) => start + i + 1) };
  }
}

/**
 * Imports a JSON-array or NDJSON file of behaviour events through the ingest service, as source `import:<name>`;
 * rejected events go to `options.rejects` as NDJSON with their line and reason. Re-running counts nothing twice.
 */
export async function importBehaviourFile(
  platform: Platform,
  file: string,
  options: ImportOptions,
  progress: Progress,
): Promise<ImportSummary> {
  const size = statSync(file).size;
  const rejects = options.rejects ? createWriteStream(options.rejects, 'utf8') : null;
  const summary: ImportSummary = { events: 0, accepted: 0, duplicates: 0, rejected: 0, points: 0 };
  const array = isJsonArray(file);
  const actor = cliActor();
  progress.start(`carbon import ${file}`, array ? 1 : size);
  try {
    const batches = array ? arrayBatches(file, size) : ndjsonBatches(file, progress);
    for await (const batch of batches) {
      // NDJSON lines go as one NDJSON text, so a malformed line is reported as such; array items go as they are.
      const body = array ? batch.body : (batch.body as string[]).join('\n');
      const report: IngestReport = await platform.carbon.behaviours.ingestFromSource(
        options.source,
        body,
        actor,
        options.lang,
      );
      summary.events += batch.lines.length;
      summary.accepted += report.accepted;
      summary.duplicates += report.duplicates;
      summary.rejected += report.rejected;
      summary.points += report.points;
      for (const result of report.results) {
        if (result.status !== 'rejected' || !rejects) continue;
        const original = batch.body[result.index];
        const event = array ? original : safeParse(original as string);
        const line = JSON.stringify({ line: batch.lines[result.index], reason: result.reason, event });
        if (!rejects.write(`${line}\n`))
          await new Promise<void>((resolve) => rejects.once('drain', () => resolve()));
      }
    }
    if (array) progress.increment(1);
    // The points reach the wallets before the command returns, not a worker's second later.
    await platform.carbon.behaviours.creditPending(actor);
  } finally {
    progress.stop();
    if (rejects) await new Promise<void>((resolve) => rejects.end(() => resolve()));
  }
  return summary;
}

/** The event as sent when it is JSON, else its text (a malformed line goes back as it was). */
function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `sanqu carbon import <file> --source <name>`: bulk behaviour events from a partner's export. */
export function carbonImportCommand(): Command {
  return new CommanderCommand('import')
    .description('Import behaviour events (JSON array or NDJSON) through the ingestion service')
    .argument(
      '<file>',
      'a JSON array or NDJSON file of events { eventId, subjectId, behaviour, amount, occurredAt }',
    )
    .requiredOption('--source <name>', 'the integration source; event ids are unique per source', (value) => {
      if (!SOURCE_NAME.test(value))
        throw new InvalidArgumentError(
          'expected lower-case letters, digits, ".", "_" or "-" (2-64 characters)',
        );
      return value;
    })
    .option('--rejects <file>', 'write rejected events with their reasons here, as NDJSON')
    .addOption(
      new Option('--lang <language>', 'language of the reasons').choices(['zh-CN', 'en']).default('zh-CN'),
    )
    .action((file: string, options: ImportOptions) =>
      withPlatform(async (platform) => {
        const started = Date.now();
        const s = await importBehaviourFile(platform, file, options, terminalProgress());
        const count = (n: number) => n.toLocaleString('en');
        process.stdout.write(
          `imported ${file} as import:${options.source} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `${count(s.events)} events, ${count(s.accepted)} accepted, ${count(s.duplicates)} duplicate, ` +
            `${count(s.rejected)} rejected; ${count(s.points)} points credited\n`,
        );
        if (s.rejected > 0 && options.rejects) process.stdout.write(`rejected events: ${options.rejects}\n`);
      }),
    );
}

/** Adds `import` under the `carbon` command, creating the group when no other carbon command has yet. */
export function addCarbonImportCommand(program: Command): void {
  const carbon =
    program.commands.find((c) => c.name() === 'carbon') ??
    program.command('carbon').description('Carbon accounts (碳账户)');
  carbon.addCommand(carbonImportCommand());
}
