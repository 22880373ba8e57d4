import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/errors';
import type { RequestContext } from './request-context';
import type { Role } from './viewer';

/**
 * The one AuthChecker. @Authorized() admits any signed-in user;
 * @Authorized(roles) admits those roles, and ADMIN wherever AUDITOR may read.
 * Team-scoped rules live in the application services.
 */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  if (context.credentials.kind === 'invalid') {
    throw unauthenticated('The API token or session is invalid, expired or revoked.');
  }
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0) return true;
  const admitted = roles.some((role) => viewer.roles.includes(role) || (role === 'AUDITOR' && viewer.roles.includes('ADMIN')));
  if (!admitted) throw forbidden(`This needs one of the roles ${roles.join(', ')}.`);
  return true;
};
