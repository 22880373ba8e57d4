/* Test builders shared by the specs (not exported from the library). */
import type { ClauseTopic } from '../clauses/topics';
import type { PolicyClause } from '../clauses/types';
import type { ConflictState, PolicyLayer } from '../precedence/types';
import { resolveEffectivePolicy } from '../precedence/fold';
import { Taxonomy } from '../taxonomy/taxonomy';

export const clause = (topic: ClauseTopic, subject: string, value: string, extra: Partial<PolicyClause> = {}): PolicyClause => ({
  topic,
  subject,
  value,
  ...extra,
});

export const globalLayer = (clauses: PolicyClause[], version = 2, policyKey = 'general'): PolicyLayer => ({
  source: 'GLOBAL',
  policyKey,
  version,
  clauses,
});

export const serviceLayer = (clauses: PolicyClause[], version = 3, policyKey = 'maps'): PolicyLayer => ({
  source: 'SERVICE',
  policyKey,
  version,
  clauses,
});

export const resolved = (
  id: string,
  c: { topic: ClauseTopic; subject: string; globalValue: string; serviceValue: string },
  resolution: 'SERVICE_PREVAILS' | 'GLOBAL_PREVAILS',
  extra: Partial<ConflictState> = {},
): ConflictState => ({
  id,
  topic: c.topic,
  subject: c.subject,
  globalValue: c.globalValue,
  serviceValue: c.serviceValue,
  status: 'RESOLVED',
  resolution,
  rationale: 'contract requires it',
  resolvedByEmail: 'dpo@example.com',
  resolvedAt: new Date('2026-11-29T10:00:00.000Z'),
  ...extra,
});

export const open = (id: string, c: { topic: ClauseTopic; subject: string; globalValue: string; serviceValue: string }): ConflictState => ({
  id,
  topic: c.topic,
  subject: c.subject,
  globalValue: c.globalValue,
  serviceValue: c.serviceValue,
  status: 'OPEN',
});

/** The effective clauses of a GLOBAL policy alone, over the default taxonomy. */
export const globalOnly = (clauses: PolicyClause[]) => resolveEffectivePolicy({ layers: [globalLayer(clauses)], taxonomy: Taxonomy.default() });
