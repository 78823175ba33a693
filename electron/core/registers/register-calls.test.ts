// The directory of registers through the core, against a real PouchDB server process: the
// registers arrive with the directory, are found by their nature named in any language, and
// a coordinator's new register goes up to the server; other authorities may not write, nor a
// coordinator for another country, nor anyone with a malformed entry.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workstationCalls } from '../../../shared/api/workstation-api';
import { registerDocumentId } from '../../../shared/directory/central-documents';
import type { RegisterEntry } from '../../../shared/directory/register';
import { CentralClient } from '../../../server/central-client';
import { provisionAuthorityDatabase } from '../../../server/provisioning';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { generateRegisters } from '../../../server/seed/register-generator';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { openWorkstationCore, type WorkstationCore } from '../workstation-core';

const authorities = 300;
const directory = generateDirectory({ authorities });
const registers = generateRegisters(directory);
const coordinator = directory.find((a) => a.country === 'AT' && a.roles.some((role) => role.role === 'coordinator'))!;
const officer = directory.find((a) => a.country === 'AT' && !a.roles.some((role) => role.role === 'coordinator'))!;
let server: CentralProcess;
let folder: string;
const cores: WorkstationCore[] = [];

async function coreFor(authorityId: string): Promise<WorkstationCore> {
  const core = await openWorkstationCore({ dataFolder: join(folder, authorityId), centralUrl: server.url, workspace: 'connected', version: 'test', authorityId });
  cores.push(core);
  await core.initialSync;
  await core.awaitInSync();
  return core;
}

const newRegister: RegisterEntry = {
  id: 'AT-R9001',
  country: 'AT',
  ownerAuthorityId: officer.id,
  ownerName: officer.officialName,
  name: 'Zentrales Verzeichnis der Bergführer',
  nameLanguage: 'de',
  nature: 'professional-register',
  content: { de: 'Staatlich geprüfte Berg- und Skiführer mit Befugnis.', en: 'State-certified mountain and ski guides entitled to practise.' },
  accessConditions: { en: 'Public list online.' },
  url: 'https://bergfuehrer.example.at/verzeichnis',
  email: '',
  phone: '+43 1 000 000',
  region: officer.region,
  legislativeAreas: ['SERVICES'],
  professions: [],
  serviceActivities: ['tourist-guide'],
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-registers-'));
  server = await startCentralProcess({ authorities, dataFolder: join(folder, 'central') });
  for (const authority of [coordinator, officer]) await provisionAuthorityDatabase(new CentralClient(server.url), authority.id);
});

afterAll(async () => {
  for (const core of cores) await core.close();
  await server?.kill();
  await rm(folder, { recursive: true, force: true });
});

describe('the directory of registers', () => {
  it('arrives with the directory and is found by the nature of a register named in any language', async () => {
    const core = await coreFor(officer.id);
    const all = await core.calls['registers.search']({ query: '', filter: {}, language: 'en', limit: 100 });
    expect(all.total).toBe(registers.length);
    // "Handelsregister" (German), "registre du commerce" (French), "rejestr handlowy"… all name the commercial register.
    for (const [query, language] of [['Handelsregister', 'de'], ['registre du commerce', 'fr'], ['insolvenza', 'it'], ['Insolvenzregister', 'de']] as const) {
      const found = await core.calls['registers.search']({ query, filter: {}, language, limit: 5 });
      expect(found.hits.length, query).toBeGreaterThan(0);
      const nature = query.startsWith('insolv') || query.startsWith('Insolv') ? 'insolvency-register' : 'commercial-register';
      expect(found.hits[0]!.register.nature, query).toBe(nature);
    }
    const inAustria = await core.calls['registers.search']({ query: 'Gewerbe', filter: { country: 'AT' }, language: 'de', limit: 20 });
    expect(inAustria.hits.length).toBeGreaterThan(0);
    expect(inAustria.hits.every((hit) => hit.register.country === 'AT')).toBe(true);
    const register = await core.calls['registers.get']({ id: registers[0]!.id });
    expect(register).toMatchObject({ name: registers[0]!.name, nature: registers[0]!.nature });
  });

  it('refuses a register from an authority that is not a coordinator', async () => {
    const core = cores[0]!;
    expect(await core.calls['workspace.info']({})).toMatchObject({ actingFor: { id: officer.id, coordinator: false } });
    await expect(core.calls['registers.save'](newRegister)).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('takes a coordinator’s new register and sends it to the server, where everyone receives it', async () => {
    const core = await coreFor(coordinator.id);
    expect(await core.calls['workspace.info']({})).toMatchObject({ actingFor: { id: coordinator.id, coordinator: true, country: 'AT' } });
    const saved = await core.calls['registers.save'](newRegister);
    expect(saved).toMatchObject({ name: newRegister.name, updatedBy: coordinator.id, sortName: 'zentrales verzeichnis der bergfuhrer' });
    await core.awaitInSync();
    const client = new CentralClient(server.url);
    const onServer = await client.request('GET', `directory/${encodeURIComponent(registerDocumentId(newRegister.id))}`);
    expect(onServer.status).toBe(200);
    expect(onServer.body).toMatchObject({ name: newRegister.name, updatedBy: coordinator.id });
    // The officer's workstation receives it, and finds it by its words.
    const officerCore = cores[0]!;
    let found: string[] = [];
    for (let attempt = 0; attempt < 100 && !found.includes(newRegister.id); attempt++) {
      found = (await officerCore.calls['registers.search']({ query: 'Bergführer', filter: {}, language: 'de', limit: 5 })).hits.map((hit) => hit.register.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(found[0]).toBe(newRegister.id);
  });

  it('keeps a coordinator to its own country, and to well-formed entries', async () => {
    const core = cores[1]!;
    await expect(core.calls['registers.save']({ ...newRegister, id: 'DE-R9001', country: 'DE' })).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(core.calls['registers.save']({ ...newRegister, ownerAuthorityId: 'AT-NOPE' })).rejects.toMatchObject({ code: 'not-found' });
    const input = workstationCalls['registers.save'].input;
    expect(input.safeParse(newRegister).success).toBe(true);
    for (const bad of [{ url: 'http://bergfuehrer.example.at' }, { url: 'javascript:alert(1)' }, { email: 'not an e-mail' }, { name: '   ' }, { nature: 'wine-cellar' }, { legislativeAreas: [] }]) {
      expect(input.safeParse({ ...newRegister, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
