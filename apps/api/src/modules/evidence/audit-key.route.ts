import type { RequestHandler } from 'express';
import type { AuditSigningKey } from './audit-signing-key';

/** Where auditors fetch the key tree heads are signed with. */
export const AUDIT_KEY_PATH = '/.well-known/canopy-audit-key';

/** GET /.well-known/canopy-audit-key: the public key as PEM SPKI, public by design. */
export function auditKeyRoute(signingKey: AuditSigningKey): RequestHandler {
  return async (_req, res, next) => {
    try {
      res.type('application/x-pem-file').send(await signingKey.publicKeyPem());
    } catch (error) {
      next(error);
    }
  };
}
