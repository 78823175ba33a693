// Files on their way in or out of a request. A message between renderer and core is small,
// so a file travels in pieces: the renderer begins an upload, appends base64 pieces, and
// finishes it, when its content is checked (PDF, PNG or JPEG, within the size limit, named
// for what it is). Outgoing files (a request's attachment, its PDF) are staged the same way
// and read back in pieces. Staged files live in the data folder until used or discarded.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallHandlers } from '../../../shared/api/workstation-api';
import { checkAttachment } from '../../../shared/cases/attachment-check';
import { maximumAttachmentBytes, type AttachedFile } from '../../../shared/cases/case-documents';
import { HandlerError } from '../carrier-endpoint';

type Upload = { name: string; size: number; received: number };

export class StagedFiles {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly folder: string) {}

  private path(id: string, kind: 'part' | 'file' | 'meta') {
    if (!/^[a-z0-9-]{1,40}$/.test(id)) throw new HandlerError('invalid-input', `"${id}" is not a file id.`);
    return join(this.folder, `${id}.${kind}`);
  }

  /** Stages bytes the core produced (a PDF, a copy of an attachment) for the renderer to read. */
  async stage(name: string, type: string, bytes: Uint8Array): Promise<{ fileId: string; name: string; size: number; type: string }> {
    await mkdir(this.folder, { recursive: true });
    const fileId = randomBytes(8).toString('hex');
    await writeFile(this.path(fileId, 'file'), bytes);
    await writeFile(this.path(fileId, 'meta'), JSON.stringify({ name, type, size: bytes.length }));
    return { fileId, name, size: bytes.length, type };
  }

  /** A checked, staged upload: its description and content. */
  async take(id: string): Promise<{ file: AttachedFile; bytes: Buffer }> {
    let meta: AttachedFile;
    try {
      meta = JSON.parse(await readFile(this.path(id, 'meta'), 'utf8')) as AttachedFile;
    } catch {
      throw new HandlerError('not-found', `The attached file ${id} is no longer here; please attach it again.`);
    }
    return { file: meta, bytes: await readFile(this.path(id, 'file')) };
  }

  async discard(id: string) {
    await Promise.all((['part', 'file', 'meta'] as const).map((kind) => rm(this.path(id, kind), { force: true })));
  }

  handlers(): Pick<CallHandlers, 'files.begin' | 'files.append' | 'files.finish' | 'files.read'> {
    return {
      'files.begin': async ({ name, size }) => {
        if (size > maximumAttachmentBytes) {
          throw new HandlerError('invalid-input', `"${name}" is ${(size / 1048576).toFixed(1)} MB; a file may have at most ${maximumAttachmentBytes / 1048576} MB.`);
        }
        await mkdir(this.folder, { recursive: true });
        const uploadId = randomBytes(8).toString('hex');
        await writeFile(this.path(uploadId, 'part'), new Uint8Array());
        this.uploads.set(uploadId, { name, size, received: 0 });
        return { uploadId };
      },
      'files.append': async ({ uploadId, data }) => {
        const upload = this.uploads.get(uploadId);
        if (!upload) throw new HandlerError('not-found', 'This upload is not (or no longer) in progress; please attach the file again.');
        const bytes = Buffer.from(data, 'base64');
        if (upload.received + bytes.length > Math.min(upload.size, maximumAttachmentBytes)) {
          this.uploads.delete(uploadId);
          await this.discard(uploadId);
          throw new HandlerError('invalid-input', `"${upload.name}" is larger than announced or than ${maximumAttachmentBytes / 1048576} MB.`);
        }
        const handle = await open(this.path(uploadId, 'part'), 'a');
        try {
          await handle.write(bytes);
        } finally {
          await handle.close();
        }
        upload.received += bytes.length;
        return { received: upload.received };
      },
      'files.finish': async ({ uploadId }) => {
        const upload = this.uploads.get(uploadId);
        if (!upload) throw new HandlerError('not-found', 'This upload is not (or no longer) in progress; please attach the file again.');
        this.uploads.delete(uploadId);
        const bytes = await readFile(this.path(uploadId, 'part'));
        const verdict = checkAttachment(upload.name, bytes);
        if (!verdict.ok || bytes.length !== upload.size) {
          await this.discard(uploadId);
          throw new HandlerError('invalid-input', verdict.ok ? `"${upload.name}" arrived incomplete; please attach it again.` : verdict.message);
        }
        await rename(this.path(uploadId, 'part'), this.path(uploadId, 'file'));
        const file: AttachedFile = { id: uploadId, name: upload.name, type: verdict.type, size: bytes.length };
        await writeFile(this.path(uploadId, 'meta'), JSON.stringify(file));
        return file;
      },
      'files.read': async ({ fileId, offset, length }) => {
        const path = this.path(fileId, 'file');
        let size: number;
        try {
          size = (await stat(path)).size;
        } catch {
          throw new HandlerError('not-found', 'This file is no longer here; please open it again.');
        }
        const handle = await open(path, 'r');
        try {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
          await handle.read(buffer, 0, buffer.length, offset);
          return { data: buffer.toString('base64'), size };
        } finally {
          await handle.close();
        }
      },
    };
  }
}
