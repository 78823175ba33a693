// The directory of registers in the core: reading a register, and adding or updating one.
// Only a coordinator writes, and only for its own country (the central server checks the
// coordinator's role again when the register arrives). What the coordinator wrote is kept
// as written; the workstation adds the sort name, the date and who wrote it.
import type { CallHandlers } from '../../../shared/api/workstation-api';
import { foldForSorting, type Authority } from '../../../shared/directory/authority';
import type { Register } from '../../../shared/directory/register';
import { HandlerError } from '../carrier-endpoint';
import type { ReplicaCollections } from '../database';

export interface RegisterSource {
  collections(): Pick<ReplicaCollections, 'registers' | 'authorities'>;
  /** The authority this workstation acts for, if any. */
  authorityId: string | undefined;
}

/** The authority this workstation acts for, as the directory knows it (null before it arrives). */
export async function actingFor(source: RegisterSource): Promise<{ id: string; country: Authority['country']; officialName: string; coordinator: boolean } | null> {
  if (!source.authorityId) return null;
  const document = await source.collections().authorities.findOne(source.authorityId).exec();
  if (!document) return null;
  const authority = document.toJSON() as Authority;
  return { id: authority.id, country: authority.country, officialName: authority.officialName, coordinator: authority.roles.some((role) => role.role === 'coordinator') };
}

export function registerCalls(source: RegisterSource): Pick<CallHandlers, 'registers.get' | 'registers.save'> {
  return {
    async 'registers.get'({ id }) {
      const document = await source.collections().registers.findOne(id).exec();
      return document ? (document.toJSON() as Register) : null;
    },
    async 'registers.save'(entry) {
      const me = await actingFor(source);
      if (!me?.coordinator) throw new HandlerError('not-allowed', 'Only coordinators add and update registers.');
      if (entry.country !== me.country) throw new HandlerError('not-allowed', `A coordinator of ${me.country} adds and updates the registers of ${me.country} only.`);
      const { registers, authorities } = source.collections();
      const owner = await authorities.findOne(entry.ownerAuthorityId).exec();
      if (!owner) throw new HandlerError('not-found', `Authority ${entry.ownerAuthorityId} is not in the directory.`);
      if ((owner.toJSON() as Authority).country !== entry.country) throw new HandlerError('invalid-input', 'A register is kept by an authority of its own country.');
      const register: Register = { ...entry, sortName: foldForSorting(entry.name), updatedAt: new Date().toISOString(), updatedBy: me.id };
      await registers.upsert(register);
      return register;
    },
  };
}
