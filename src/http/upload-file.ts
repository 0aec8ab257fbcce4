import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors';
import type { SanquApp } from '../kernel/module';

/** A file as uploaded, read whole. */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
  /** The media type the client declared for the part (not to be trusted: sniff the bytes). */
  mediaType: string;
}

/**
 * Lets `scoped` (a plugin scope holding the upload route) take multipart requests of one file field of at most
 * `maxBytes`; registered per scope so the rest of the API stays JSON-only.
 * @example await app.register(async (scoped) => { await acceptFileUploads(scoped, 5_000_000); scoped.post(…) })
 */
export async function acceptFileUploads(scoped: SanquApp, maxBytes: number): Promise<void> {
  await scoped.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 } });
}

/**
 * The one file of a multipart request in the field "file", read whole: 415 when the request is not multipart,
 * 400 UPLOAD_NO_FILE without that field, 413 UPLOAD_TOO_LARGE past `maxBytes` (the limit given to acceptFileUploads).
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'uploadNotMultipart', {
      type: String(request.headers['content-type']),
    });
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file') throw new AppError(400, 'UPLOAD_NO_FILE', 'uploadNoFile');
    return { filename: part.filename, bytes: await part.toBuffer(), mediaType: part.mimetype };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'UPLOAD_TOO_LARGE', 'uploadTooLarge', { limit: maxBytes });
    // A second file or any other field is a request shaped wrong, not a file too large.
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError(400, 'UPLOAD_NO_FILE', 'uploadNoFile');
    throw error;
  }
}
