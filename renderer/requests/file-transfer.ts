// Files between the renderer and its host travel in pieces (a message is small): uploads are
// staged and checked by the host, downloads are read back piece by piece and saved.
import type { WorkstationApi } from '../../shared/api/workstation-api';
import { checkAttachment } from '../../shared/cases/attachment-check';
import type { AttachedFile } from '../../shared/cases/case-documents';

/** Thrown before anything travels when a file is not one the host accepts; `code` names why. */
export class FileRefused extends Error {
  constructor(readonly code: 'too-large' | 'empty' | 'not-accepted' | 'name-mismatch', message: string) {
    super(message);
  }
}

const pieceBytes = 96 * 1024;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 0x8000) text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(text);
}

export async function uploadFile(host: WorkstationApi, file: File, onProgress: (fraction: number) => void): Promise<AttachedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Checked here first, so that the officer reads why in their language; the host checks again.
  const verdict = checkAttachment(file.name, bytes);
  if (!verdict.ok) throw new FileRefused(verdict.code, verdict.message);
  const { uploadId } = await host.call('files.begin', { name: file.name, size: file.size });
  for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
    await host.call('files.append', { uploadId, data: toBase64(bytes.subarray(offset, offset + pieceBytes)) });
    onProgress(Math.min(1, (offset + pieceBytes) / bytes.length));
  }
  return host.call('files.finish', { uploadId });
}

/** Reads a staged file and hands it to the browser as a download. */
export async function downloadStaged(host: WorkstationApi, fileId: string, name: string, type: string): Promise<void> {
  const pieces: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const { data, size } = await host.call('files.read', { fileId, offset, length: pieceBytes });
    const bytes = Uint8Array.from(atob(data), (character) => character.charCodeAt(0));
    pieces.push(bytes);
    offset += bytes.length;
    if (offset >= size || bytes.length === 0) break;
  }
  const url = URL.createObjectURL(new Blob(pieces as BlobPart[], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
