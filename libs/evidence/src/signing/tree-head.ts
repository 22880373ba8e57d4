import { sign, verify } from 'node:crypto';
import { isHashHex } from '../bytes';
import { canonicalJson } from '../audit/audit-event-hash';
import { asVerifyingKey, SigningKey, VerifyingKey } from './keys';

/** A tree head as signed: the size of the log, its Merkle root, and when. */
export interface TreeHead {
  treeSize: number;
  /** MTH of the first treeSize events, lowercase hex. */
  rootHash: string;
  /** The ISO 8601 string exactly as served (the signature covers these characters). */
  timestamp: string;
}

export interface SignedTreeHead extends TreeHead {
  /** hex SHA-256 of the signing key's DER SPKI. */
  keyId: string;
  /** base64 Ed25519 signature over treeHeadMessage(head). */
  signature: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** The bytes signed: the RFC 8785 canonical JSON of { treeSize, rootHash, timestamp }, UTF-8. */
export function treeHeadMessage(head: TreeHead): Buffer {
  return Buffer.from(canonicalJson({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp }), 'utf8');
}

function malformed(head: TreeHead): string | null {
  if (!Number.isSafeInteger(head.treeSize) || head.treeSize < 0) return 'treeSize is not a non-negative integer';
  if (!isHashHex(head.rootHash)) return 'rootHash is not 64 lowercase hex digits';
  if (typeof head.timestamp !== 'string' || Number.isNaN(Date.parse(head.timestamp))) return 'timestamp is not an ISO 8601 instant';
  return null;
}

export function signTreeHead(head: TreeHead, key: SigningKey): SignedTreeHead {
  const problem = malformed(head);
  if (problem) throw new RangeError(`cannot sign this tree head: ${problem}`);
  const signature = sign(null, treeHeadMessage(head), key.privateKey).toString('base64');
  return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, keyId: key.keyId, signature };
}

/** Ed25519 over `message` with a base64 signature; false for a signature that is not even well-formed. */
export function verifyEd25519(message: Uint8Array, signatureBase64: string, key: VerifyingKey): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== signatureBase64) return false;
  return verify(null, message, key.publicKey, signature);
}

/** Checks a signed tree head against a public key (PEM SPKI or loaded); throws EvidenceKeyError for an unusable key. */
export function verifyTreeHead(head: SignedTreeHead, publicKey: VerifyingKey | string): Verdict {
  const key = asVerifyingKey(publicKey);
  const problem = malformed(head);
  if (problem) return { ok: false, reason: problem };
  if (head.keyId !== key.keyId) return { ok: false, reason: `signed by key ${head.keyId}, not by the key given (${key.keyId})` };
  if (!verifyEd25519(treeHeadMessage(head), head.signature, key)) return { ok: false, reason: 'the signature does not match the tree head' };
  return { ok: true };
}
