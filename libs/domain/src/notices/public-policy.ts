import type { ClauseTopic } from '../clauses/topics';

/** The sections of a public privacy notice, in the order of the reference policy (DESIGN.md section 8). */
export const PUBLIC_SECTIONS: readonly { key: string; title: string; topics: readonly ClauseTopic[] }[] = [
  { key: 'collection', title: 'What we collect', topics: ['COLLECTION'] },
  { key: 'use', title: 'How we use it, and on what legal basis', topics: ['USE'] },
  { key: 'rights', title: 'How you access and control your information', topics: ['RIGHT'] },
  { key: 'sharing', title: 'Who we share it with', topics: ['SHARING'] },
  { key: 'security', title: 'How long we keep it and how we protect it', topics: ['RETENTION', 'ENCRYPTION'] },
  { key: 'communication', title: 'Mail and announcements we send you', topics: ['COMMUNICATION'] },
  { key: 'minors', title: 'Minors', topics: ['MINORS'] },
  { key: 'changes', title: 'How we announce changes', topics: ['AMENDMENT'] },
];

/** A service key the public pages may look up: anything else is answered 404 without a lookup. */
export const PUBLIC_SERVICE_KEY = /^[a-z][a-z0-9-]{1,62}$/;

export interface PublicClause {
  topic: string;
  subject: string;
  value: string;
  text: string | null;
}

export interface PublicInventoryItem {
  dataCategory: string;
  purposes: readonly string[];
  legalBasis: string;
  retentionDays: number | null;
  encryption: string;
}

export interface PublicRecipient {
  processor: string;
  country: string;
  dataCategories: readonly string[];
  purposes: readonly string[];
}

export interface PublicNotice {
  id: string;
  issuedAt: Date;
  plannedEffectiveAt: Date;
  text: string;
}

export interface PublicPolicyInput {
  service: { key: string; name: string; servesMinors: boolean };
  at: Date;
  clauses: readonly PublicClause[];
  inventory: readonly PublicInventoryItem[];
  recipients: readonly PublicRecipient[];
  notices: readonly PublicNotice[];
}

export interface PublicSection {
  key: string;
  title: string;
  /** One sentence per effective clause of the section's topics, its own text where it has one. */
  statements: string[];
}

export interface PublicPolicyDocument {
  service: { key: string; name: string };
  at: string;
  sections: PublicSection[];
  collected: PublicInventoryItem[];
  recipients: PublicRecipient[];
  servesMinors: boolean;
  notices: { id: string; issuedAt: string; plannedEffectiveAt: string; text: string }[];
}

/**
 * The public privacy notice of a service as it applies at an instant,
 * generated from its effective clauses and inventory (never typed by hand):
 * sections in the reference policy's order, what is collected, with whom it
 * is shared, and the notices of changes, newest first.
 */
export function publicPolicyDocument(input: PublicPolicyInput): PublicPolicyDocument {
  const sections = PUBLIC_SECTIONS.map((section) => ({
    key: section.key,
    title: section.title,
    statements: input.clauses
      .filter((c) => (section.topics as readonly string[]).includes(c.topic))
      .map((c) => c.text?.trim() || `${c.topic.toLowerCase()} of ${c.subject}: ${c.value.toLowerCase().replace(/_/g, ' ')}`),
  }));
  return {
    service: { key: input.service.key, name: input.service.name },
    at: input.at.toISOString(),
    sections,
    collected: [...input.inventory].sort((a, b) => a.dataCategory.localeCompare(b.dataCategory)),
    recipients: [...input.recipients].sort((a, b) => a.processor.localeCompare(b.processor)),
    servesMinors: input.service.servesMinors,
    notices: [...input.notices]
      .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())
      .map((n) => ({ id: n.id, issuedAt: n.issuedAt.toISOString(), plannedEffectiveAt: n.plannedEffectiveAt.toISOString(), text: n.text })),
  };
}

/** The feed a homepage banner reads: upcoming changes first (soonest first), then past ones (newest first). */
export function orderUpdates<T extends { issuedAt: Date; plannedEffectiveAt: Date }>(notices: readonly T[], now: Date): T[] {
  const upcoming = notices.filter((n) => n.plannedEffectiveAt.getTime() > now.getTime()).sort((a, b) => a.plannedEffectiveAt.getTime() - b.plannedEffectiveAt.getTime());
  const past = notices.filter((n) => n.plannedEffectiveAt.getTime() <= now.getTime()).sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
  return [...upcoming, ...past];
}
