import { In } from 'typeorm';
import { type ArrangementFacts, evaluateFindings, type Finding, type InventoryItemFacts, type OpenConflictFacts, type Taxonomy } from '@canopy/domain';
import { ProcessorEntity, ServiceEntity } from '@canopy/persistence';
import type { Database } from '../../common/database';
import { badInput, CanopyError } from '../../common/errors';
import { loadFindingsFacts } from '../findings';
import { type InventoryItemInput, validateInventory } from '../inventory';
import type { EffectivePolicyReader } from '../policies';
import { loadTaxonomy } from '../taxonomy';
import type { ServiceManifestInput } from './manifest-check.inputs';

export interface CheckedFinding extends Finding {
  accepted: boolean;
  acceptedUntil: Date | null;
}

export interface ManifestCheckResult {
  serviceKey: string;
  registered: boolean;
  at: Date;
  findings: CheckedFinding[];
}

/** No service has this id: asking the reader for it yields the global policy alone. */
const UNREGISTERED = '00000000-0000-0000-0000-000000000000';

/**
 * `canopy check`: the findings a service would have if its manifest were
 * applied, measured against the effective policy now, written nowhere. The
 * rules are the findings module's (domain evaluateFindings over the facts
 * loadFindingsFacts reads), with the proposed inventory and sharing in
 * place of the stored ones.
 *
 * - A registered service is measured with its own policy in force (the
 *   manifest's policy clauses would only be a draft, which never applies),
 *   its open conflicts in force, and its DRAFT, PENDING_REVIEW and APPROVED
 *   arrangements; an unregistered one against the global policy alone.
 * - The manifest's sharing entries count as DRAFT arrangements unless one
 *   with the same processor and categories is already in place (as `apply`
 *   would leave them), so SHARING_UNDECLARED_CATEGORY shows up before review.
 * - Findings an officer accepted for the registered service (not expired)
 *   are marked accepted, as the findings query marks them; the CLI's gate
 *   ignores them.
 * - Inventory problems are BAD_USER_INPUT naming `inventory[i].field`; no
 *   inventory (null) means the registered service's current one.
 */
export class ManifestCheckService {
  constructor(
    private readonly db: Database,
    private readonly policies: EffectivePolicyReader,
  ) {}

  /** The manifest measured at `now`, the request's instant. */
  async check(input: ServiceManifestInput, now: Date): Promise<ManifestCheckResult> {
    const m = this.db.manager;
    const service = await m.findOneBy(ServiceEntity, { key: String(input.key).slice(0, 63) });
    const taxonomy = await loadTaxonomy(m);
    const facts = service ? await loadFindingsFacts(m, [service], now, taxonomy) : null;
    const proposed = input.inventory ? validItems(input.inventory, taxonomy) : null;
    validateSharing(input, taxonomy);
    const inventory = proposed ?? (service ? facts?.inventories.get(service.id) ?? [] : []);
    const effective = (await this.policies.effectiveFor([service?.id ?? UNREGISTERED], now, { taxonomy })).get(service?.id ?? UNREGISTERED);

    const arrangements: ArrangementFacts[] = [...(service ? facts?.arrangements.get(service.id) ?? [] : [])];
    const proposedKeys = [...new Set((input.sharing ?? []).map((s) => s.processorKey))];
    const processors = new Map((proposedKeys.length ? await m.findBy(ProcessorEntity, { key: In(proposedKeys) }) : []).map((p) => [p.key, p]));
    (input.sharing ?? []).forEach((s, i) => {
      if (arrangements.some((a) => a.processor.key === s.processorKey && sameSet(a.dataCategories, s.dataCategories))) return;
      const p = processors.get(s.processorKey);
      arrangements.push({
        id: `sharing[${i}]`,
        status: 'DRAFT',
        dataCategories: [...new Set(s.dataCategories)],
        legalBasis: s.legalBasis,
        processor: { key: s.processorKey, dpaSignedAt: p?.dpaSignedAt ?? null, dpaExpiresAt: p?.dpaExpiresAt ?? null },
      });
    });

    const findings = evaluateFindings({
      service: { key: input.key, servesMinors: input.servesMinors ?? service?.servesMinors ?? false },
      inventory,
      effectiveClauses: effective?.clauses ?? [],
      arrangements,
      openConflictsInForce: (effective?.openConflictsInForce ?? []) as readonly OpenConflictFacts[],
      taxonomy,
      now,
    });
    const acceptances = [...(service ? facts?.acceptances.get(service.id) ?? [] : [])].sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
    return {
      serviceKey: input.key,
      registered: Boolean(service),
      at: now,
      findings: findings.map((f) => {
        const acceptance = acceptances.find((a) => a.rule === f.rule && (a.dataCategory ?? null) === (f.dataCategory ?? null));
        return { ...f, accepted: Boolean(acceptance), acceptedUntil: acceptance?.expiresAt ?? null };
      }),
    };
  }
}

function validItems(inventory: InventoryItemInput[], taxonomy: Taxonomy): InventoryItemFacts[] {
  try {
    return validateInventory(inventory, taxonomy).map((f) => ({
      ...f,
      source: f.source as InventoryItemFacts['source'],
      legalBasis: f.legalBasis as InventoryItemFacts['legalBasis'],
      encryption: f.encryption as InventoryItemFacts['encryption'],
    }));
  } catch (error) {
    if (error instanceof CanopyError && typeof error.extensions.argument === 'string') {
      const argument = error.extensions.argument.replace(/^items/, 'inventory');
      throw badInput(error.message.replace(/^items\[/, 'inventory['), { ...error.extensions, argument });
    }
    throw error;
  }
}

function validateSharing(input: ServiceManifestInput, taxonomy: Taxonomy): void {
  (input.sharing ?? []).forEach((s, i) => {
    const unknownCategory = taxonomy.unknownCategories(s.dataCategories)[0];
    if (unknownCategory !== undefined) {
      throw badInput(`sharing[${i}].dataCategories: unknown data category "${unknownCategory.slice(0, 128)}".`, { argument: `sharing[${i}].dataCategories`, key: unknownCategory });
    }
    const unknownUse = taxonomy.unknownUses(s.purposes)[0];
    if (unknownUse !== undefined) {
      throw badInput(`sharing[${i}].purposes: unknown data use "${unknownUse.slice(0, 128)}".`, { argument: `sharing[${i}].purposes`, key: unknownUse });
    }
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
