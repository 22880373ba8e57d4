import type { ServiceEntity, SharingArrangementEntity } from '@canopy/persistence';
import { Viewer, belongsTo, isOfficer } from '../../auth/viewer';
import { forbidden } from '../../common/errors';

/**
 * Who may do what to an arrangement (DESIGN.md sections 5 and 6):
 * propose, change a draft and submit: an officer or an engineer of the
 * owning team (and the requester); withdraw: the requester or the owning
 * team; revoke: an officer or the owning team. Approve and reject are for
 * officers, which the resolvers' role guard enforces.
 */
export function requireMayRequest(actor: Viewer, service: ServiceEntity, arrangement?: SharingArrangementEntity): void {
  if (isOfficer(actor) || belongsTo(actor, service.teamId) || (arrangement && arrangement.requestedBy === actor.id)) return;
  throw forbidden(`Only a privacy officer or an engineer of the team owning "${service.key}" may do this to its sharing arrangements.`);
}

export function requireMayWithdraw(actor: Viewer, service: ServiceEntity, arrangement: SharingArrangementEntity): void {
  if (arrangement.requestedBy === actor.id || belongsTo(actor, service.teamId)) return;
  throw forbidden(`Only the requester or an engineer of the team owning "${service.key}" may withdraw this arrangement.`);
}

export function requireMayRevoke(actor: Viewer, service: ServiceEntity): void {
  if (isOfficer(actor) || belongsTo(actor, service.teamId)) return;
  throw forbidden(`Only a privacy officer or an engineer of the team owning "${service.key}" may revoke this arrangement.`);
}
