// Case files for the review pane's tests.
import type { CaseDecision, CaseSource, ModerationCase } from '@hearth/core';
import type { CaseFile } from './case-client.js';
import { toQueueItem, type QueueItem } from './case-queue.js';

export const NOW = Date.UTC(2026, 10, 22, 12);
export const DAY = 24 * 60 * 60 * 1000;

export function caseFile(id: string, o: { source?: CaseSource; space?: string | null; openedAt?: number; body?: string; decisions?: CaseDecision[]; author?: string } = {}): CaseFile {
  const doc: ModerationCase = {
    schema: 'hearth-case/1',
    id,
    space: o.space === undefined ? 'general' : o.space,
    source: o.source ?? 'hold',
    openedAt: o.openedAt ?? NOW - 60_000,
    item: { entryId: `e-${id}`, type: 'post', authorId: o.author ?? 'rajesh', room: `space/${o.space ?? 'general'}`, title: `Title ${id}`, body: o.body ?? 'Kick-off with Northwind on Monday.', version: 1, createdAt: NOW - 120_000 },
    findings: [{ rule: 'client-names', severity: 'hold', message: 'Names a confidential client', guidance: 'Say "a retail client".', field: 'body', start: 14, end: 23 }],
    reports: {},
    decisions: Object.fromEntries((o.decisions ?? []).map((d) => [d.id, d])),
    notes: {},
    executions: {},
  };
  return { documentId: `doc-${id}`, doc };
}

export const decision = (id: string, by: string, action: CaseDecision['action'], supersedes: string[] = [], note = ''): CaseDecision => ({ id, by, at: NOW - 30_000, action, note, role: null, supersedes });

export const items = (...files: CaseFile[]): QueueItem[] => files.map(toQueueItem);

export const names: Record<string, string> = { rajesh: 'Rajesh Kumar', binu: 'Binu Thomas', seema: 'Seema Nair' };
export const nameOf = (id: string) => names[id] ?? id;
export const spaceNameOf = (id: string) => (id === 'general' ? 'General' : id === 'media-wing' ? 'Media wing' : id);
