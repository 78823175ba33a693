// Drafts are kept on disk as the officer types: they survive a restart (a new store on the
// same folder), a damaged file is set aside and never overwritten, and a draft is gone once
// deleted.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestDrafts } from './request-drafts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-drafts-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const work = { area: 'PQ' as const, competence: 'profession:doctor', questions: ['pq-general.diploma-authentic'], concerned: { name: 'Dr. Andrei Popescu' }, files: [], subject: 'Doctor' };

describe('request drafts', () => {
  it('survive a restart, newest first, and are gone once deleted', async () => {
    const first = await new RequestDrafts(folder).save(work);
    const second = await new RequestDrafts(folder).save({ ...work, subject: 'Nurse' });
    const reopened = new RequestDrafts(folder);
    expect(await reopened.get(first.id)).toEqual(first);
    expect((await reopened.list()).map((draft) => draft.subject)).toEqual(['Nurse', 'Doctor']);
    const updated = await reopened.save({ ...first, subject: 'Doctor: certificate' });
    expect(updated.id).toBe(first.id);
    expect(await reopened.delete(second.id)).toBe(true);
    expect((await new RequestDrafts(folder).list()).map((draft) => draft.subject)).toEqual(['Doctor: certificate']);
  });

  it('set a damaged file aside instead of reading or overwriting it', async () => {
    const kept = await new RequestDrafts(folder).save(work);
    await writeFile(join(folder, 'draft-damaged.json'), '{"id": "draft-damaged", "questions": [');
    const drafts = new RequestDrafts(folder);
    expect((await drafts.list()).map((draft) => draft.id)).toEqual([kept.id]);
    expect((await readdir(folder)).some((name) => name.startsWith('draft-damaged.json.damaged-'))).toBe(true);
  });

  it('refuses what no draft can hold', async () => {
    await expect(new RequestDrafts(folder).save({ ...work, note: 'x'.repeat(20_001) })).rejects.toThrow();
    expect(await new RequestDrafts(folder).list()).toEqual([]);
  });
});
