import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'Canopy-Signature';

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 keyed by the secret string over "<t>.<raw body>">`
 * (DESIGN.md section 8). The timestamp lets receivers refuse old replays.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
