// Retention, carried out by the relay: in every space whose meta sets `retentionDays`, published
// items dated before now − N days have their content removed (core's purgeItem, the relay's own
// write through the DocHost), and the room's update log is then compacted so the removed text is
// gone from the stored document too, not only from its current state. Legal holds suspend it: a
// held space is skipped whole, a held person's items are kept wherever they are. Each sweep of a
// space that removed or kept something back is journaled (kind 'retention') with the item ids.
// What this cannot erase (the author's outbox, copies on devices, backups) is in docs/moderation.md.
import { META, expiringItems, parseRoomName, purgeItem } from '@hearth/core';
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { AuditJournal } from '../audit/journal.js';
import type { LegalHolds } from '../audit/legal-holds.js';
import type { Leases } from '../storage/leases.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  host: DocHost;
  journal: AuditJournal;
  holds: LegalHolds;
  log: Logger;
  /** Replaces a room's stored update log by one merged update (drops deleted content). */
  compact?: (room: string) => Promise<void>;
  now?: () => number;
  /** Several relay processes on one database: one sweep at a time (lease `retention`); the others skip theirs. */
  leases?: Leases;
}

export interface SpaceSweep {
  space: string;
  retentionDays: number;
  purged: string[];
  /** Items past retention kept because of a legal hold. */
  kept: string[];
  suspended: 'space-hold' | null;
}

export class RetentionSweeper {
  private running: Promise<SpaceSweep[]> | null = null;

  constructor(private readonly opts: RetentionOptions) {}

  /** One sweep over every space; concurrent calls share the sweep in progress. */
  sweep(): Promise<SpaceSweep[]> {
    this.running ??= this.sweepAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once no sweep is in progress. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async sweepAll(): Promise<SpaceSweep[]> {
    const lease = this.opts.leases === undefined ? null : await this.opts.leases.acquire('retention');
    if (this.opts.leases !== undefined && lease === null) return [];
    try {
      return await this.sweepSpaces();
    } finally {
      await lease?.release().catch(() => undefined);
    }
  }

  private async sweepSpaces(): Promise<SpaceSweep[]> {
    const holds = await this.opts.holds.active();
    const out: SpaceSweep[] = [];
    const rooms = await this.opts.host.listRooms('space/');
    for (const room of rooms) {
      const name = parseRoomName(room);
      if (name?.kind !== 'space') continue;
      // The space's time buckets (space/<s>/<yyyy-mm>) hold its items; the space document its meta.
      const buckets = rooms.filter((r) => r.startsWith(`${room}/`));
      try {
        const result = await this.sweepSpace(room, name.space, holds, buckets);
        if (result !== null) out.push(result);
      } catch (err) {
        this.opts.log.error({ err, room }, 'retention sweep of a space failed');
      }
    }
    return out;
  }

  private async sweepSpace(room: string, space: string, holds: { spaces: Set<string>; people: Set<string> }, buckets: string[]): Promise<SpaceSweep | null> {
    const doc = await this.opts.host.open(room);
    const days = doc.getMap<unknown>(META).get('retentionDays');
    if (typeof days !== 'number' || !Number.isInteger(days) || days <= 0) return null;
    const now = (this.opts.now ?? Date.now)();
    const cutoff = now - days * DAY_MS;
    const result: SpaceSweep = { space, retentionDays: days, purged: [], kept: [], suspended: holds.spaces.has(space) ? 'space-hold' : null };
    let compacted = false;
    for (const itemRoom of [room, ...buckets]) {
      const due = expiringItems(itemRoom === room ? doc : await this.opts.host.open(itemRoom), cutoff);
      if (due.length === 0) continue;
      const purge = result.suspended === null ? due.filter((i) => !holds.people.has(i.authorId)) : [];
      result.kept.push(...due.filter((i) => !purge.includes(i)).map((i) => i.id));
      result.purged.push(...purge.map((i) => i.id));
      if (purge.length > 0) {
        await this.opts.host.write(itemRoom, (d) => {
          for (const item of purge) purgeItem(d, item.id);
        });
        await this.opts.compact?.(itemRoom);
        compacted = this.opts.compact !== undefined;
      }
    }
    if (result.purged.length === 0 && result.kept.length === 0) return null;
    await this.opts.journal.record({
      kind: 'retention',
      actor: 'relay',
      space,
      at: now,
      details: { retentionDays: days, cutoff, purged: result.purged, keptForHold: result.kept.length, suspended: result.suspended, compacted },
    });
    this.opts.log.info({ space, purged: result.purged.length, kept: result.kept.length }, 'retention sweep');
    return result;
  }
}
