import { VERIFY_AUDIT_LOG } from '../client/operations';
import { EXIT } from '../exit-codes';
import type { CommandContext } from './context';

/**
 * `canopy audit verify`: asks the API to recompute the audit hash chain.
 * Exits 1 when it does not verify. Record the printed head (seq and hash)
 * outside Canopy: a later run that ends earlier reveals a truncated log.
 */
export async function auditVerifyCommand(ctx: CommandContext): Promise<number> {
  const { verifyAuditLog: v } = await ctx.client().request('verifyAuditLog', VERIFY_AUDIT_LOG);
  ctx.printer.result(v);
  if (v.ok) {
    ctx.printer.line(`Audit log OK: ${v.checkedEvents} event${v.checkedEvents === 1 ? '' : 's'} verified`);
    ctx.printer.line(`Head: seq ${v.headSeq ?? '-'} hash ${v.headHash ?? '-'} (keep this pair outside Canopy)`);
  } else {
    ctx.printer.line(`Audit log BROKEN: first event that does not verify is seq ${v.firstBrokenSeq} (${v.checkedEvents} checked)`);
  }
  return v.ok ? EXIT.OK : EXIT.FAILED;
}
