/** Uploaded documents: content-addressed storage and type sniffing (PDF, JPEG, PNG). */
export { createFileStore, type FileStore } from './file-store';
export { DOCUMENT_TYPES, type DocumentType, labelMatches, sniffDocumentType } from './sniff';
