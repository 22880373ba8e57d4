import { consistencyPlan, inclusionPlan } from './merkle/proof-paths';

/**
 * @canopy/evidence/browser: the Merkle proof checks for a page in a browser,
 * where node:crypto is not. SHA-256 comes from WebCrypto (async); the way a
 * proof is folded is the same plan the Node verifier follows
 * (merkle/proof-paths.ts). Hashes go in and out as lowercase hex.
 */

interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

const HASH_HEX = /^[0-9a-f]{64}$/;

function subtle(): SubtleDigest {
  const found = (globalThis as { crypto?: { subtle?: SubtleDigest } }).crypto?.subtle;
  if (!found) throw new Error('WebCrypto (crypto.subtle) is not available here: open the page over https or on localhost.');
  return found;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function toHexString(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 9162 inner node: SHA-256(0x01 || left || right), hex in and out. */
async function nodeHashHex(left: string, right: string): Promise<string> {
  const data = new Uint8Array(65);
  data[0] = 0x01;
  data.set(fromHex(left), 1);
  data.set(fromHex(right), 33);
  return toHexString(await subtle().digest('SHA-256', data));
}

/** RFC 9162 leaf: SHA-256(0x00 || entry); the audit log's entry is an event's 32-byte hash, given here as hex. */
export async function leafHashHex(entryHex: string): Promise<string> {
  if (!HASH_HEX.test(entryHex)) throw new TypeError('not a SHA-256 hash in lowercase hex');
  const data = new Uint8Array(33);
  data.set(fromHex(entryHex), 1);
  return toHexString(await subtle().digest('SHA-256', data));
}

const allHashes = (...hashes: string[]) => hashes.every((h) => HASH_HEX.test(h));

/** RFC 9162 2.1.3.2 in the browser: whether leafHashHex sits at leafIndex in the tree of treeSize leaves with rootHex. */
export async function verifyInclusionHex(leafIndex: number, treeSize: number, leafHashHex: string, proofHex: readonly string[], rootHex: string): Promise<boolean> {
  if (!allHashes(leafHashHex, rootHex, ...proofHex)) return false;
  const plan = inclusionPlan(leafIndex, treeSize, proofHex.length);
  if (!plan) return false;
  let r = leafHashHex;
  for (const [i, step] of plan.entries()) r = step === 'left' ? await nodeHashHex(proofHex[i], r) : await nodeHashHex(r, proofHex[i]);
  return r === rootHex;
}

/** RFC 9162 2.1.4.2 in the browser: whether the tree (toSize, toRootHex) extends the tree (fromSize, fromRootHex). */
export async function verifyConsistencyHex(fromSize: number, toSize: number, fromRootHex: string, toRootHex: string, proofHex: readonly string[]): Promise<boolean> {
  if (!allHashes(fromRootHex, toRootHex, ...proofHex)) return false;
  const plan = consistencyPlan(fromSize, toSize, proofHex.length);
  if (!plan) return false;
  if (plan.kind === 'same-size') return fromRootHex === toRootHex;
  if (plan.kind === 'from-empty') return fromRootHex === toHexString(await subtle().digest('SHA-256', new Uint8Array(0)));
  const path = plan.seedIsFromRoot ? [fromRootHex, ...proofHex] : [...proofHex];
  let fr = path[0];
  let sr = path[0];
  for (const [i, step] of plan.steps.entries()) {
    const c = path[i + 1];
    if (step === 'both') {
      fr = await nodeHashHex(c, fr);
      sr = await nodeHashHex(c, sr);
    } else {
      sr = await nodeHashHex(sr, c);
    }
  }
  return fr === fromRootHex && sr === toRootHex;
}
