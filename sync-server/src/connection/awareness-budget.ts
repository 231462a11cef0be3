// What one room's awareness holds, tallied as it changes: bytes of every state and client ids per
// person. Why: every state in a room is sent to every newcomer in one message and every change to
// every member, so the room's total bounds the snapshot a newcomer receives (one person once made it
// 285 MB), and the per-person count stops one person from filling a room with client ids. Kept
// beside the room (a WeakMap), not in it, because only connections ask.
import type { Awareness } from 'y-protocols/awareness';
import type { Room } from '../rooms/room.js';
import type { AwarenessEntry } from './awareness-filter.js';
import type { AwarenessLimits } from './limits.js';

export type BudgetRefusal = 'clients' | 'room-full';

export class AwarenessBudget {
  private readonly sizes = new Map<number, { bytes: number; person: string | null }>();
  private readonly clientsOf = new Map<string, number>();
  private total = 0;

  constructor(awareness: Awareness) {
    awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const id of removed) this.forget(id);
      for (const id of [...added, ...updated]) {
        this.forget(id);
        const state = awareness.getStates().get(id);
        if (state === undefined) continue;
        const person = typeof (state.user as { id?: unknown } | undefined)?.id === 'string' ? (state.user as { id: string }).id : null;
        const bytes = JSON.stringify(state).length;
        this.sizes.set(id, { bytes, person });
        this.total += bytes;
        if (person !== null) this.clientsOf.set(person, (this.clientsOf.get(person) ?? 0) + 1);
      }
    });
  }

  get totalBytes(): number {
    return this.total;
  }

  /**
   * Which of `entries` (already filtered, from one connection of `person` that controls `owned`)
   * fit the limits, in order; the others are reported to `refused`. Removals always fit.
   */
  fit(entries: readonly AwarenessEntry[], person: string, owned: ReadonlySet<number>, limits: AwarenessLimits, refused: (reason: BudgetRefusal) => void): AwarenessEntry[] {
    let connectionClients = owned.size;
    let personClients = this.clientsOf.get(person) ?? 0;
    let total = this.total;
    const kept: AwarenessEntry[] = [];
    for (const e of entries) {
      const before = this.sizes.get(e.clientId)?.bytes ?? 0;
      if (e.state === 'null') {
        kept.push(e);
        total -= before;
        continue;
      }
      const isNew = !owned.has(e.clientId);
      if (isNew && (connectionClients >= limits.maxClientsPerConnection || personClients >= limits.maxClientsPerPersonPerRoom)) {
        refused('clients');
        continue;
      }
      if (total - before + e.state.length > limits.maxRoomBytes) {
        refused('room-full');
        continue;
      }
      total += e.state.length - before;
      if (isNew) {
        connectionClients++;
        personClients++;
      }
      kept.push(e);
    }
    return kept;
  }

  private forget(id: number): void {
    const known = this.sizes.get(id);
    if (known === undefined) return;
    this.sizes.delete(id);
    this.total -= known.bytes;
    if (known.person === null) return;
    const n = (this.clientsOf.get(known.person) ?? 1) - 1;
    if (n > 0) this.clientsOf.set(known.person, n);
    else this.clientsOf.delete(known.person);
  }
}

const budgets = new WeakMap<Room, AwarenessBudget>();

export function awarenessBudget(room: Room): AwarenessBudget {
  let budget = budgets.get(room);
  if (budget === undefined) {
    budget = new AwarenessBudget(room.awareness);
    budgets.set(room, budget);
  }
  return budget;
}
