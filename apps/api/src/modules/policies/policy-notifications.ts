import type { EntityManager } from 'typeorm';
import type { Notifier } from '../outbox';
import type { VersionWithPolicy } from './policy.queries';

/**
 * policy.published (the owning team hears, or officers for the GLOBAL policy)
 * and, when the publish opened conflicts, conflict.opened (officers review
 * them, the services' teams hear), in the publish's transaction.
 */
export async function notifyPublished(notifier: Notifier, tx: EntityManager, now: Date, version: VersionWithPolicy, openedInServiceIds: readonly string[]): Promise<void> {
  const { policy } = version;
  const label = `${policy.title} (${policy.key} v${version.number})`;
  const link = notifier.link(`/policies/${policy.key}?version=${version.number}`);
  const inForce = (version.inForceFrom as Date).toISOString();
  await notifier.notify(tx, now, {
    event: 'policy.published',
    serviceIds: policy.serviceId ? [policy.serviceId] : [],
    subject: `Published: ${label}`.slice(0, 300),
    text: `${label} is published and in force from ${inForce}${version.materialReduction ? '; it reduces users\' rights' : ''}.\n\nRead it: ${link}`,
    data: { policyKey: policy.key, version: version.number, scope: policy.scope, inForceFrom: inForce, materialReduction: version.materialReduction },
    cause: { type: 'policy_version', id: version.id },
  });
  const serviceIds = [...new Set(openedInServiceIds)];
  if (!serviceIds.length) return;
  const count = openedInServiceIds.length;
  await notifier.notify(tx, now, {
    event: 'conflict.opened',
    serviceIds,
    subject: `${count} policy conflict${count === 1 ? '' : 's'} to review after ${label}`.slice(0, 300),
    text: `Publishing ${label} opened ${count} conflict${count === 1 ? '' : 's'} between the global policy and ${serviceIds.length} service polic${serviceIds.length === 1 ? 'y' : 'ies'}.\n\nReview them: ${notifier.link('/conflicts')}`,
    data: { policyKey: policy.key, version: version.number, opened: count, services: serviceIds.length },
    cause: { type: 'policy_version', id: version.id },
  });
}
