// Drafts of requests, saved as the officer composes (one JSON file each, written beside the
// old one and renamed over it, so that a crash leaves the previous version). A damaged draft
// file is set aside, never overwritten, and left out of the list.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requestDraftSchema, type CallHandlers, type RequestDraft } from '../../../shared/api/workstation-api';

export class RequestDrafts {
  constructor(private readonly folder: string) {}

  private file(id: string) {
    return join(this.folder, `${id.replace(/[^a-z0-9-]/g, '')}.json`);
  }

  async get(id: string): Promise<RequestDraft | null> {
    let text: string;
    try {
      text = await readFile(this.file(id), 'utf8');
    } catch {
      return null;
    }
    const parsed = requestDraftSchema.safeParse((() => { try { return JSON.parse(text); } catch { return undefined; } })());
    if (parsed.success) return parsed.data;
    await rename(this.file(id), `${this.file(id)}.damaged-${Date.now()}`).catch(() => {});
    return null;
  }

  async save(draft: Omit<RequestDraft, 'id' | 'updatedAt'> & { id?: string }): Promise<RequestDraft> {
    const saved = requestDraftSchema.parse({ ...draft, id: draft.id || `draft-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, updatedAt: new Date().toISOString() });
    await mkdir(this.folder, { recursive: true });
    const temporary = `${this.file(saved.id)}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(saved));
    await rename(temporary, this.file(saved.id));
    return saved;
  }

  async delete(id: string): Promise<boolean> {
    const existed = (await this.get(id)) !== null;
    await rm(this.file(id), { force: true });
    return existed;
  }

  async list(): Promise<RequestDraft[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch {
      return [];
    }
    const drafts = await Promise.all(names.filter((name) => name.endsWith('.json')).map((name) => this.get(name.slice(0, -5))));
    return drafts.filter((draft): draft is RequestDraft => draft !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  handlers(): Pick<CallHandlers, 'drafts.list' | 'drafts.get' | 'drafts.save' | 'drafts.delete'> {
    return {
      'drafts.list': () => this.list(),
      'drafts.get': ({ id }) => this.get(id),
      'drafts.save': (draft) => this.save(draft),
      'drafts.delete': async ({ id }) => ({ deleted: await this.delete(id) }),
    };
  }
}
