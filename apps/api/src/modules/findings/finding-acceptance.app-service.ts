import { FINDING_RULE_IDS } from '@canopy/domain';
import { FindingAcceptanceEntity, ServiceEntity } from '@canopy/persistence';
import type { Viewer } from '../../auth/viewer';
import type { Database } from '../../common/database';
import { badInput, CanopyError, notFound } from '../../common/errors';
import { newId } from '../../common/ids';
import { requireText } from '../../common/validation';
import { insertAudited } from '../audit';
import { loadTaxonomy } from '../taxonomy';
import type { FindingsEvaluator } from './findings-evaluator.app-service';
import type { AcceptFindingInput } from './finding.inputs';

/** An acceptance may run at most this long: accepted risks are reviewed again. */
export const MAX_ACCEPTANCE_DAYS = 3 * 366;

/**
 * Officers accept a finding: the service's findings of one rule and data
 * category stay listed, marked accepted, until the expiry. Only a finding
 * that exists now can be accepted (NOT_FOUND otherwise). Audited on the
 * service (entityType 'service', action 'finding.accepted') so the owning
 * team sees it in its audit log.
 */
export class FindingAcceptances {
  constructor(
    private readonly db: Database,
    private readonly findings: FindingsEvaluator,
  ) {}

  async accept(actor: Viewer, input: AcceptFindingInput): Promise<FindingAcceptanceEntity> {
    const rule = String(input.rule);
    if (!(FINDING_RULE_IDS as readonly string[]).includes(rule)) {
      throw badInput(`rule "${rule.slice(0, 40)}" is not a finding rule (one of ${FINDING_RULE_IDS.join(', ')}).`, { argument: 'rule' });
    }
    const dataCategory = input.dataCategory == null || input.dataCategory === '' ? null : String(input.dataCategory);
    if (dataCategory !== null && !(await loadTaxonomy(this.db.manager)).hasCategory(dataCategory)) {
      throw badInput(`dataCategory: unknown data category "${dataCategory.slice(0, 128)}".`, { argument: 'dataCategory', key: dataCategory.slice(0, 128) });
    }
    const rationale = requireText(input.rationale, 'rationale', 4000);
    const now = this.db.clock.now();
    if (input.expiresAt.getTime() <= now.getTime()) throw badInput('expiresAt must be in the future.', { argument: 'expiresAt' });
    if (input.expiresAt.getTime() > now.getTime() + MAX_ACCEPTANCE_DAYS * 86_400_000) {
      throw badInput('expiresAt may lie at most three years ahead: accepted findings are reviewed again.', { argument: 'expiresAt' });
    }
    const service = await this.db.manager.findOneBy(ServiceEntity, { key: String(input.serviceKey).slice(0, 63) });
    if (!service) throw notFound('Service', input.serviceKey);
    const current = (await this.findings.forServices([service.id], now)).get(service.id) ?? [];
    const covered = current.filter((f) => f.rule === rule && (f.dataCategory ?? null) === dataCategory);
    if (covered.length === 0) {
      throw new CanopyError('NOT_FOUND', `Service "${service.key}" has no ${rule} finding${dataCategory ? ` on ${dataCategory}` : ' without a data category'} now.`);
    }

    return this.db.write(async (tx, now) => {
      const row = await insertAudited(tx, now, actor, FindingAcceptanceEntity, {
        id: newId(),
        serviceId: service.id,
        rule,
        dataCategory,
        rationale,
        expiresAt: input.expiresAt,
        acceptedBy: actor.id,
        acceptedAt: now,
      }, (row) => ({
        action: 'finding.accepted',
        entityType: 'service',
        entityId: service.key,
        after: {
          rule,
          dataCategory,
          rationale,
          expiresAt: row.expiresAt.toISOString(),
          findings: covered.map((f) => ({ severity: f.severity, message: f.message })),
        },
      }));
      return row;
    });
  }
}
