import { DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES, Taxonomy, validateClauseSet } from '@canopy/domain';
import { AuditDraft, chainAuditEvents } from './audit-chain';
import { AuditSpill } from './audit-spill';
import { buildDataset } from './build-dataset';
import { DatasetStream } from './dataset-stream';

const taxonomy = new Taxonomy(DEFAULT_DATA_CATEGORIES, DEFAULT_DATA_USES);
const anchor = new Date('2026-11-29T10:00:00.000Z');

describe('buildDataset', () => {
  it('should build the same organisation from the same seed and anchor', () => {
    const a = buildDataset(taxonomy, { services: 120, seed: 'spec', anchor });
    const b = buildDataset(taxonomy, { services: 120, seed: 'spec', anchor });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('should build a different organisation from another seed', () => {
    const a = buildDataset(taxonomy, { services: 50, seed: 'one', anchor });
    const b = buildDataset(taxonomy, { services: 50, seed: 'two', anchor });
    expect(b.services.map((s) => s.key)).not.toEqual(a.services.map((s) => s.key));
  });

  it('should scale with the number of services as the issue asks', () => {
    const rows = buildDataset(taxonomy, { services: 1000, seed: 'sizes', anchor });
    expect(rows.services).toHaveLength(1000);
    expect(new Set(rows.services.map((s) => s.key)).size).toBe(1000);
    const current = rows.inventory.filter((i) => i.validTo === null).length;
    expect(current / 1000).toBeGreaterThan(7);
    expect(current / 1000).toBeLessThan(9.5);
    expect(rows.policies.filter((p) => p.scope === 'SERVICE')).toHaveLength(300);
    expect(rows.processors).toHaveLength(60);
    expect(rows.arrangements.length / 1000).toBeGreaterThan(2);
    expect(rows.arrangements.length / 1000).toBeLessThan(2.8);
    expect(new Set(rows.arrangements.map((a) => a.status)).size).toBe(6);
    expect(rows.conflicts.length).toBeGreaterThan(0);
    expect(rows.conflicts.filter((c) => c.resolvedAt).length / rows.conflicts.length).toBeGreaterThan(0.3);
  });

  it('should write only valid clause sets, never after the anchor', () => {
    const rows = buildDataset(taxonomy, { services: 200, seed: 'valid', anchor });
    const byVersion = new Map<string, { topic: string; subject: string; value: string }[]>();
    for (const c of rows.clauses) byVersion.set(c.versionId, [...(byVersion.get(c.versionId) ?? []), c]);
    const global = rows.policies.find((p) => p.scope === 'GLOBAL')!;
    for (const v of rows.versions) {
      const scope = v.policyId === global.id ? 'GLOBAL' : 'SERVICE';
      expect(validateClauseSet(byVersion.get(v.id) ?? [], { scope, taxonomy })).toEqual([]);
      expect(v.inForceFrom!.getTime()).toBeLessThanOrEqual(anchor.getTime());
    }
    expect(byVersion.get(rows.versions.find((v) => v.policyId === global.id && v.number === 2)!.id)).toHaveLength(81);
    expect(Math.max(...rows.audit.map((e) => e.at.getTime()))).toBeLessThanOrEqual(anchor.getTime());
  });

  it('should chain the audit events gap-free onto the given head', () => {
    const rows = buildDataset(taxonomy, { services: 30, seed: 'audit', anchor });
    const { events, head } = chainAuditEvents({ seq: 7, hash: 'f'.repeat(64) }, rows.audit);
    expect(events[0]).toMatchObject({ seq: 8, prevHash: 'f'.repeat(64) });
    events.slice(1).forEach((e, i) => expect(e.prevHash).toBe(events[i].hash));
    expect(head).toEqual({ seq: 7 + events.length, hash: events[events.length - 1].hash });
  });

  it('should build the same rows whatever the chunk size', () => {
    const whole = buildDataset(taxonomy, { services: 90, seed: 'chunks', anchor, chunkSize: 1000 });
    for (const chunkSize of [1, 7, 90]) expect(JSON.stringify(buildDataset(taxonomy, { services: 90, seed: 'chunks', anchor, chunkSize }))).toBe(JSON.stringify(whole));
  });

  it('should hand the services over in chunks of the chunk size, in service order', () => {
    const stream = new DatasetStream(taxonomy, { services: 25, seed: 'chunks', anchor, chunkSize: 10 });
    const chunks = [...stream.serviceChunks()];
    expect(chunks.map((c) => c.services.length)).toEqual([10, 10, 5]);
    expect(chunks.flatMap((c) => c.services.map((s) => s.key))).toEqual(buildDataset(taxonomy, { services: 25, seed: 'chunks', anchor }).services.map((s) => s.key));
    const ids = new Set(chunks[0].services.map((s) => s.id));
    expect(chunks[0].arrangements.every((a) => ids.has(a.serviceId))).toBe(true);
  });
});

describe('AuditSpill', () => {
  it('should give the drafts back oldest first, ties in the order they were added, whatever the chunks', () => {
    const rows = buildDataset(taxonomy, { services: 40, seed: 'spill', anchor });
    const shuffled = [...rows.audit].reverse();
    const draft = (at: Date, entityId: string): AuditDraft => ({ at, actorId: null, actorEmail: null, action: 'x', entityType: 'y', entityId });
    const tie = new Date(rows.audit[0].at.getTime() + 3);
    const spill = new AuditSpill();
    try {
      const added = [[...shuffled.slice(0, 100), draft(tie, 'first')], [draft(tie, 'second'), ...shuffled.slice(100)]];
      for (const chunk of added) spill.add(chunk);
      const back = [...spill.oldestFirst()];
      expect(back.length).toBeGreaterThan(10);
      const flat = back.flat();
      const expected = added.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(chainAuditEvents({ seq: 0, hash: '0'.repeat(64) }, flat).head).toEqual(chainAuditEvents({ seq: 0, hash: '0'.repeat(64) }, expected).head);
      expect(flat.map((d) => d.entityId).filter((id) => id === 'first' || id === 'second')).toEqual(['first', 'second']);
    } finally {
      spill.dispose();
    }
  });
});
