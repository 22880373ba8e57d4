import type { Taxonomy } from '@canopy/domain';
import { DatasetContext } from './dataset-context';
import { DatasetOptions, emptyServiceChunk, OrganisationRows, ServiceChunkRows } from './dataset-types';
import { buildOrganisation, OrganisationRefs } from './organisation';
import { buildServicePolicy } from './service-policy';
import { registerService } from './service-registration';
import { buildSharingArrangements } from './sharing-arrangements';

/**
 * A generated organisation a piece at a time, deterministic from the seed and
 * anchor: the organisation-wide rows at once, then the services in chunks of
 * `chunkSize`, each with all its rows (inventory, policy, conflicts,
 * arrangements) and the audit events of its history. The services are drawn
 * one after the other from one seeded sequence, so the rows do not depend on
 * the chunk size; only what is held at a time does.
 */
export class DatasetStream {
  readonly organisation: OrganisationRows;
  readonly serviceCount: number;
  private readonly ctx: DatasetContext;
  private readonly refs: OrganisationRefs;
  private readonly chunkSize: number;
  private readonly policyCount: number;
  private started = false;

  constructor(taxonomy: Taxonomy, options: DatasetOptions = {}) {
    this.serviceCount = options.services ?? 5000;
    this.chunkSize = Math.max(1, options.chunkSize ?? 1000);
    this.policyCount = Math.round(this.serviceCount * (options.servicePolicyShare ?? 0.3));
    const anchor = options.anchor ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
    this.ctx = new DatasetContext(taxonomy, options.seed ?? 'canopy', anchor);
    const organisation = buildOrganisation(this.ctx, this.serviceCount);
    this.organisation = organisation.rows;
    this.refs = organisation.refs;
  }

  /** The services' rows, chunk by chunk, in service order; once only (the seeded sequence moves on). */
  *serviceChunks(): Generator<ServiceChunkRows> {
    if (this.started) throw new Error('dataset: the service chunks are drawn once');
    this.started = true;
    let policiesLeft = this.policyCount;
    let chunk = emptyServiceChunk();
    for (let i = 0; i < this.serviceCount; i++) {
      const service = registerService(this.ctx, this.refs, i, chunk);
      // Selection sampling: exactly policyCount services get a policy, each service equally likely, without holding them all.
      const hasPolicy = this.ctx.random.next() * (this.serviceCount - i) < policiesLeft;
      if (hasPolicy) {
        policiesLeft--;
        chunk.serviceKeysWithPolicy.push(service.row.key);
        buildServicePolicy(this.ctx, this.refs, service, chunk);
      } else {
        chunk.serviceKeysWithoutPolicy.push(service.row.key);
      }
      buildSharingArrangements(this.ctx, this.refs, service, chunk);
      if (chunk.services.length === this.chunkSize) {
        yield chunk;
        chunk = emptyServiceChunk();
      }
    }
    if (chunk.services.length) yield chunk;
  }
}
