import { EntityManager } from 'typeorm';
import { PolicyEntity, ServiceEntity } from '@canopy/persistence';
import { belongsTo, isOfficer, Viewer } from '../../auth/viewer';
import { forbidden } from '../../common/errors';

/** GLOBAL policies are the officers'; a SERVICE policy also its owning team's engineers (who may draft, not publish). */
export async function assertMayEdit(tx: EntityManager, actor: Viewer, policy: Pick<PolicyEntity, 'key' | 'scope' | 'serviceId'>): Promise<void> {
  if (isOfficer(actor)) return;
  if (policy.scope === 'SERVICE' && policy.serviceId) {
    const service = await tx.findOneBy(ServiceEntity, { id: policy.serviceId });
    if (service && belongsTo(actor, service.teamId)) return;
  }
  throw forbidden(`Only a privacy officer${policy.scope === 'SERVICE' ? ' or an engineer of the owning team' : ''} may change policy "${policy.key}".`);
}
