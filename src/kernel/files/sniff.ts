/** The document types citizens may upload, recognised by their first bytes rather than by name or header. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const SIGNATURES: readonly { type: DocumentType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The document type the content is, or null when it is none of PDF, JPEG and PNG. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  for (const signature of SIGNATURES)
    if (bytes.length >= signature.bytes.length && signature.bytes.every((byte, i) => bytes[i] === byte))
      return signature.type;
  return null;
}

/** The types a client may label each document type with (browsers say image/jpg or image/pjpeg for JPEG). */
const ALIASES: Readonly<Record<DocumentType, readonly string[]>> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'image/png': ['image/png', 'image/x-png'],
};

/** True when the declared media type agrees with the sniffed one; a generic octet-stream label is no claim. */
export function labelMatches(declared: string | undefined, actual: DocumentType): boolean {
  const label = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return label === '' || label === 'application/octet-stream' || ALIASES[actual].includes(label);
}
