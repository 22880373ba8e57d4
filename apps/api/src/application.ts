import { Authenticator } from './auth/authenticator';
import { SessionService } from './auth/session.app-service';
import type { Database } from './common/database';
import { AuditQueries } from './modules/audit/audit-query.app-service';
import { IdentityService } from './modules/identity/identity.app-service';
import { TokenService } from './modules/identity/token.app-service';
import { ServiceRegistry } from './modules/services/service-registry.app-service';

/** The application services of one process: stateless, shared by every request. */
export function createApplication(db: Database) {
  const authenticator = new Authenticator(db);
  return {
    db,
    authenticator,
    sessions: new SessionService(db, authenticator),
    identity: new IdentityService(db),
    tokens: new TokenService(db),
    services: new ServiceRegistry(db),
    audit: new AuditQueries(db),
  };
}

export type Application = ReturnType<typeof createApplication>;
