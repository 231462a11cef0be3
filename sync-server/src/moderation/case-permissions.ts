// Who may see and act on which case, decided from the relay's documents at the moment of asking:
// an active moderator may act on every case; an active facilitator on the cases of the spaces whose
// `facilitators` list names them (cases about direct messages are for moderators only); anyone else
// on none. One rule for both uses — the repo's share config (who is sent a case file, whose changes
// to it are taken) and the executor (whether a decision is carried out) — so that losing a role or a
// space between deciding and carrying out stops the decision, not only the next sync.
import { DIRECTORY_PEOPLE, META } from '@hearth/core';
import type { DocHost } from '../rooms/doc-host.js';

export type ActVerdict = { ok: true } | { ok: false; reason: string };

export interface CasePermissions {
  /** Whether `person` may open `/automerge` at all: active moderators and facilitators. */
  mayConnect(person: string): Promise<boolean>;
  /** Whether `person` may see and decide the cases of `space` (null: a direct message) right now. */
  mayAct(person: string, space: string | null): Promise<ActVerdict>;
}

interface PersonFacts {
  active: boolean;
  roles: string[];
}

export function casePermissions(host: DocHost): CasePermissions {
  const facts = async (id: string): Promise<PersonFacts> => {
    const record = (await host.open('directory')).getMap<unknown>(DIRECTORY_PEOPLE).get(id) as { status?: unknown; roles?: unknown } | undefined;
    const roles = Array.isArray(record?.roles) ? record.roles.filter((r): r is string => typeof r === 'string') : [];
    return { active: record?.status === 'active', roles };
  };
  const facilitates = async (id: string, space: string): Promise<boolean> => {
    if (!(await host.exists(`space/${space}`))) return false;
    const facilitators = (await host.open(`space/${space}`)).getMap<unknown>(META).get('facilitators');
    return Array.isArray(facilitators) && facilitators.includes(id);
  };
  return {
    async mayConnect(id) {
      const f = await facts(id);
      return f.active && (f.roles.includes('moderator') || f.roles.includes('facilitator'));
    },
    async mayAct(id, space) {
      const f = await facts(id);
      if (!f.active) return { ok: false, reason: `${id} is not an active member of the directory` };
      if (f.roles.includes('moderator')) return { ok: true };
      if (!f.roles.includes('facilitator')) return { ok: false, reason: `${id} is neither a moderator nor a facilitator` };
      if (space === null) return { ok: false, reason: `cases about direct messages are for moderators only, and ${id} is not one` };
      if (!(await facilitates(id, space))) return { ok: false, reason: `${id} does not facilitate ${space}` };
      return { ok: true };
    },
  };
}
