/* fast-check arbitraries shared by the property specs (not exported from the library). */
import fc from 'fast-check';
import { SCALES } from '../clauses/scales';
import type { ClauseTopic } from '../clauses/topics';

/** Values on a topic's scale: ordinal values, or whole numbers (plus UNLIMITED for RETENTION). */
export function scaleValue(topic: ClauseTopic): fc.Arbitrary<string> {
  const scale = SCALES[topic];
  if (scale.kind === 'ordinal') return fc.constantFrom(...scale.values);
  const numbers = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 2_147_483_647 })).map(String);
  return topic === 'RETENTION' ? fc.oneof(numbers, fc.constant('UNLIMITED')) : numbers;
}

import type { PolicyClause } from '../clauses/types';
import type { ConflictCandidate, ConflictState, PolicyLayer } from '../precedence/types';

/** Small pools so that generated subjects overlap often, sensitive categories included. */
const CATEGORIES = ['*', 'user', 'user.contact', 'user.contact.email', 'user.biometric', 'device', 'device.log', 'device.location'];
const USES = ['*', 'marketing', 'marketing.email', 'service.provide', 'legal'];
const SUBJECTS: Record<string, string[]> = {
  COLLECTION: CATEGORIES,
  USE: CATEGORIES.flatMap((c) => USES.map((u) => `${c}:${u}`)),
  SHARING: CATEGORIES.flatMap((c) => ['third_party', 'public'].map((r) => `${c}:${r}`)),
  RETENTION: CATEGORIES,
  RIGHT: ['ACCESS', 'DELETE'],
  COMMUNICATION: ['*', 'marketing.email', 'announcement'],
};
export const GENERATED_TOPICS = Object.keys(SUBJECTS) as ClauseTopic[];

export function clauseArb(lockable: boolean): fc.Arbitrary<PolicyClause> {
  return fc
    .constantFrom(...GENERATED_TOPICS)
    .chain((topic) =>
      fc.record({
        topic: fc.constant(topic),
        subject: fc.constantFrom(...SUBJECTS[topic]),
        value: topic === 'RETENTION' ? fc.constantFrom('7', '30', '90', '365', 'UNLIMITED') : scaleValue(topic),
        locked: lockable ? fc.integer({ min: 0, max: 9 }).map((n) => n < 3) : fc.constant(false),
      }),
    );
}

export function clausesArb(lockable: boolean, maxLength = 14): fc.Arbitrary<PolicyClause[]> {
  return fc.uniqueArray(clauseArb(lockable), { selector: (c) => `${c.topic} ${c.subject}`, maxLength });
}

export const globalLayerArb: fc.Arbitrary<PolicyLayer> = clausesArb(true).map((clauses) => ({ source: 'GLOBAL', policyKey: 'general', version: 2, clauses }));
export const serviceLayerArb: fc.Arbitrary<PolicyLayer> = clausesArb(false).map((clauses) => ({ source: 'SERVICE', policyKey: 'maps', version: 3, clauses }));

export type ConflictFate = 'OPEN' | 'SERVICE_PREVAILS' | 'GLOBAL_PREVAILS';

export function conflictsFor(candidates: readonly ConflictCandidate[], fates: readonly ConflictFate[]): ConflictState[] {
  return candidates.map((c, i) => {
    const fate = fates[i % Math.max(fates.length, 1)] ?? 'OPEN';
    const base = { id: `c${i}`, topic: c.topic, subject: c.subject, globalValue: c.globalValue, serviceValue: c.serviceValue };
    return fate === 'OPEN'
      ? { ...base, status: 'OPEN' as const }
      : { ...base, status: 'RESOLVED' as const, resolution: fate, rationale: 'why', resolvedByEmail: 'dpo@example.com', resolvedAt: new Date('2026-11-29T00:00:00Z') };
  });
}
