import type { AuditService } from '../../kernel/audit';
import type { Actor } from '../../kernel/auth';
import { type SanquDatabase, tablesOf } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { type DocumentType, type FileStore, labelMatches, sniffDocumentType } from '../../kernel/files';
import type { ServicesTables } from './services.tables';

/** The largest document a citizen may upload (a scanned multi-page PDF fits). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface StoredUpload {
  hash: string;
  mediaType: DocumentType;
  size: number;
  fileName: string;
}

/**
 * Uploads of application materials: PDF, JPEG or PNG as their bytes show (a mislabelled or other file is refused),
 * stored once by content hash, and recorded per uploader so that only they can cite it in a case.
 */
export function createFileService(
  database: SanquDatabase,
  audit: AuditService,
  store: FileStore,
  now: () => Date,
) {
  const db = tablesOf<ServicesTables>(database.db);
  return {
    async upload(
      actor: Actor,
      file: { bytes: Uint8Array; fileName: string; declaredType: string | undefined },
      requestId: string | null = null,
    ): Promise<StoredUpload> {
      if (file.bytes.length === 0) throw new AppError(422, 'UPLOAD_EMPTY_FILE', 'serviceUploadEmpty');
      if (file.bytes.length > MAX_UPLOAD_BYTES)
        throw new AppError(413, 'UPLOAD_TOO_LARGE', 'uploadTooLarge', { limit: MAX_UPLOAD_BYTES });
      const mediaType = sniffDocumentType(file.bytes);
      if (!mediaType) throw new AppError(415, 'UPLOAD_TYPE_NOT_ALLOWED', 'serviceUploadType');
      if (!labelMatches(file.declaredType, mediaType))
        throw new AppError(415, 'UPLOAD_MISLABELLED', 'serviceUploadMislabelled', {
          declared: String(file.declaredType),
          actual: mediaType,
        });
      const fileName =
        [...file.fileName]
          .map((c) => (c < ' ' || c === '/' || c === '\\' ? '_' : c))
          .join('')
          .slice(0, 200) || 'upload';
      const hash = store.put(file.bytes);
      const row = {
        hash,
        uploaded_by: actor.id,
        media_type: mediaType,
        size: file.bytes.length,
        file_name: fileName,
        created_at: now().toISOString(),
      };
      await audit.transaction(db, async (trx) => {
        const known = await trx
          .selectFrom('services_files')
          .select('hash')
          .where('hash', '=', hash)
          .where('uploaded_by', '=', actor.id)
          .executeTakeFirst();
        if (known) return;
        await trx.insertInto('services_files').values(row).execute();
        await audit.record(trx, {
          actor: { id: actor.id, role: actor.role },
          action: 'services.file.upload',
          resourceType: 'services_file',
          resourceId: hash,
          after: { mediaType, size: row.size },
          requestId,
        });
      });
      return { hash, mediaType, size: row.size, fileName };
    },

    /** The file a case cites for a material (the caller has checked the reader's role in the case). */
    async hashOf(caseId: string, materialKey: string): Promise<string | null> {
      const row = await db
        .selectFrom('services_case_materials')
        .select('file_hash')
        .where('case_id', '=', caseId)
        .where('material_key', '=', materialKey)
        .executeTakeFirst();
      return row?.file_hash ?? null;
    },

    /** The bytes of a file for someone entitled to the case that cites it (the caller checks the case). */
    read(hash: string): Buffer | null {
      return store.get(hash);
    },
  };
}
