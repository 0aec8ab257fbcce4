import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/auth';
import { shanghaiDate } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { applicantFacts } from './applicant';
import type { CaseRecord } from './case-record';
import { type ItemDefinition, isCertificateFree } from './catalogue';
import type { PrecheckProblem } from './precheck';
import type { ServicesTables } from './services.tables';

/** What applications and their corrections share: uploads cited by hash, the intake decision, the platform's own steps. */

/** The platform acting by itself (automatic pre-check and acceptance): no division, no department. */
export const SYSTEM_ACTOR = {
  id: 'system:services',
  role: 'system',
  divisionCode: null,
  department: null,
} as const;

export interface Upload {
  hash: string;
  media_type: string;
  size: number;
  file_name: string;
}

/** The material rows of uploads (replacing earlier ones of the same key). */
export const uploadRows = (caseId: string, uploads: Map<string, Upload>, at: string) =>
  [...uploads].map(([key, file]) => ({
    case_id: caseId,
    material_key: key,
    source: 'applicant',
    file_hash: file.hash,
    file_name: file.file_name,
    media_type: file.media_type,
    size: file.size,
    proof: null,
    access_seq: null,
    updated_at: at,
  }));

/** Checks the referenced uploads: materials the item lets this applicant upload, files this user stored. */
export async function checkUploads(
  db: Kysely<ServicesTables>,
  actor: Actor,
  item: ItemDefinition,
  materials: Record<string, string>,
) {
  const files = new Map<string, Upload>();
  for (const [key, hash] of Object.entries(materials)) {
    const material = item.materials.find((m) => m.key === key);
    // Applicant materials, and registry ones on paper: without consent, or when the registry has no record.
    if (!material || material.source === 'not_needed')
      throw new AppError(422, 'MATERIAL_NOT_EXPECTED', 'serviceMaterialNotExpected', { key });
    // Only the user's own uploads: a hash is not a way to cite someone else's papers (another's is "not found").
    const file = await db
      .selectFrom('services_files')
      .select(['media_type', 'size', 'file_name'])
      .where('hash', '=', hash)
      .where('uploaded_by', '=', actor.id)
      .executeTakeFirst();
    if (!file) throw new AppError(422, 'FILE_NOT_FOUND', 'serviceFileNotFound', { key });
    files.set(key, { hash, ...file });
  }
  return files;
}

/** The intake decision after a (re)submission: returned with every problem, accepted at once, or for an officer. */
export function intakeOutcome(
  item: ItemDefinition,
  record: CaseRecord,
  problems: PrecheckProblem[],
): 'returned' | 'accepted' | 'submitted' {
  if (problems.length > 0) return 'returned';
  const automatic =
    record.channel === 'online' &&
    record.mode !== 'proxy' &&
    isCertificateFree(item) &&
    item.jointDepartments.length === 0;
  return automatic ? 'accepted' : 'submitted';
}

/** The context of a step the platform takes by itself. */
export const systemContext = (at: Date, item: ItemDefinition) => ({
  now: at,
  today: shanghaiDate(at),
  actor: { id: SYSTEM_ACTOR.id, name: '系统' },
  item,
  opinions: [],
  isCountyOfCity: () => false,
});

/** The applicant's facts for the conditions: age from the identifier, the city from the register when known. */
export function applicantFactsOrThrow(record: CaseRecord, at: Date, registeredCounty: string | null) {
  const facts = applicantFacts(record.applicantType, record.applicantId, shanghaiDate(at));
  if (!facts) throw new AppError(422, 'APPLICANT_UNKNOWN', 'serviceApplicantUnknown');
  // The register says where the applicant is registered now; the ID keeps where they were first registered.
  return registeredCounty ? { ...facts, registeredCity: `${registeredCounty.slice(0, 4)}00` } : facts;
}
