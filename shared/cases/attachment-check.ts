// What an attached file is, told by its first bytes and not by its name: PDF, PNG or JPEG,
// at most `maximumAttachmentBytes`, named with an extension that says the same.
import { maximumAttachmentBytes, type AttachedFile } from './case-documents';

type AttachmentType = AttachedFile['type'];

const extensions: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** The type the content shows, if it is one of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}

export type AttachmentVerdict = { ok: true; type: AttachmentType } | { ok: false; code: 'too-large' | 'empty' | 'not-accepted' | 'name-mismatch'; message: string };

export function checkAttachment(name: string, bytes: Uint8Array): AttachmentVerdict {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: `"${name}" is empty.` };
  if (bytes.length > maximumAttachmentBytes) {
    return { ok: false, code: 'too-large', message: `"${name}" is ${(bytes.length / 1048576).toFixed(1)} MB; a file may have at most ${maximumAttachmentBytes / 1048576} MB.` };
  }
  const type = sniffType(bytes);
  if (!type) return { ok: false, code: 'not-accepted', message: `"${name}" is not a PDF document or a PNG or JPEG image (judged by its content).` };
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!extension || !extensions[type].includes(extension)) {
    return { ok: false, code: 'name-mismatch', message: `"${name}" does not hold what its name says: its content is ${type === 'application/pdf' ? 'a PDF document' : `a ${type.slice(6).toUpperCase()} image`}.` };
  }
  return { ok: true, type };
}
