import type { ApolloClient } from '@apollo/client';
import { leafHashHex, verifyConsistencyHex, verifyInclusionHex } from '@canopy/evidence/browser';
import { graphql } from '../../gql';

/**
 * The auditor's checks that the audit log only grew, done in this browser:
 * the server hands out proofs, libs/evidence (its WebCrypto entry) checks them.
 */

export const AuditTreeHeadQuery = graphql(`
  query AuditTreeHead {
    # The fields as the signature and the recorded JSON carry them.
    auditTreeHead { treeSize rootHash timestamp keyId signature }
  }
`);

export const ConsistencyProofQuery = graphql(`
  query AuditConsistencyProof($fromSize: Int!, $toSize: Int!) {
    auditConsistencyProof(fromSize: $fromSize, toSize: $toSize) { hashes }
  }
`);

export const InclusionProofQuery = graphql(`
  query AuditInclusionProof($seq: Int!, $treeSize: Int!) {
    auditInclusionProof(seq: $seq, treeSize: $treeSize) { hashes }
  }
`);

export interface RecordedTreeHead {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

/** A chain head as the chain check shows it: the newest event's seq and hash. */
export interface RecordedChainHead {
  seq: number;
  hash: string;
}

export interface ProofVerdict {
  ok: boolean;
  /** One sentence: what was proved, or why not. */
  message: string;
  currentSize: number;
  currentRoot: string;
  proofHashes: number;
}

const HASH = /\b[0-9a-f]{64}\b/;

/** The JSON of a signed tree head as recorded (download or copy), or null with nothing usable in it. */
export function parseTreeHead(text: string): RecordedTreeHead | null {
  try {
    const v = JSON.parse(text) as Partial<RecordedTreeHead>;
    if (!Number.isSafeInteger(v.treeSize) || (v.treeSize as number) < 0 || typeof v.rootHash !== 'string' || !HASH.test(v.rootHash)) return null;
    return { treeSize: v.treeSize as number, rootHash: v.rootHash, timestamp: String(v.timestamp ?? ''), keyId: String(v.keyId ?? ''), signature: String(v.signature ?? '') };
  } catch {
    return null;
  }
}

/** `{"seq":12,"hash":"…"}` as copied, or any text with a seq and then a 64-digit hex hash (`12 ab…`, `event 12, hash ab…`). */
export function parseChainHead(text: string): RecordedChainHead | null {
  try {
    const v = JSON.parse(text) as { seq?: unknown; hash?: unknown; headSeq?: unknown; headHash?: unknown };
    const seq = v.seq ?? v.headSeq;
    const hash = v.hash ?? v.headHash;
    if (Number.isSafeInteger(seq) && (seq as number) > 0 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) return { seq: seq as number, hash };
    return null;
  } catch {
    const match = /(\d+)\D+?([0-9a-f]{64})\b/.exec(text.trim().toLowerCase());
    return match && Number(match[1]) > 0 ? { seq: Number(match[1]), hash: match[2] } : null;
  }
}

async function currentHead(client: ApolloClient) {
  const { data } = await client.query({ query: AuditTreeHeadQuery, fetchPolicy: 'network-only' });
  if (!data) throw new Error('The current tree head could not be read.');
  return data.auditTreeHead;
}

const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

/** Asks for the consistency proof from a recorded signed head to the current one and checks it here. */
export async function verifyRecordedTreeHead(client: ApolloClient, recorded: RecordedTreeHead): Promise<ProofVerdict> {
  const now = await currentHead(client);
  const base = { currentSize: now.treeSize, currentRoot: now.rootHash };
  if (recorded.treeSize > now.treeSize) {
    return { ...base, ok: false, proofHashes: 0, message: `The log now holds ${events(now.treeSize)}, fewer than the ${recorded.treeSize} of the recorded head: events were removed.` };
  }
  const { data } = await client.query({ query: ConsistencyProofQuery, variables: { fromSize: recorded.treeSize, toSize: now.treeSize }, fetchPolicy: 'network-only' });
  if (!data) throw new Error('The consistency proof could not be read.');
  const hashes = data.auditConsistencyProof.hashes;
  const ok = await verifyConsistencyHex(recorded.treeSize, now.treeSize, recorded.rootHash, now.rootHash, hashes);
  return {
    ...base,
    ok,
    proofHashes: hashes.length,
    message: ok
      ? `Verified in this browser: the log of ${events(now.treeSize)} extends the recorded head of ${events(recorded.treeSize)} (a proof of ${hashes.length} hash${hashes.length === 1 ? '' : 'es'}).`
      : `The consistency proof does not verify: the current log of ${events(now.treeSize)} does not extend the recorded head of ${events(recorded.treeSize)}, so events it covered were changed or removed.`,
  };
}

/** Whether the current log still holds event seq with the recorded hash (its inclusion proof in the current tree, checked here). */
export async function verifyRecordedChainHead(client: ApolloClient, recorded: RecordedChainHead): Promise<ProofVerdict> {
  const now = await currentHead(client);
  const base = { currentSize: now.treeSize, currentRoot: now.rootHash };
  if (recorded.seq > now.treeSize) {
    return { ...base, ok: false, proofHashes: 0, message: `The log no longer extends the recorded head: it holds ${events(now.treeSize)}, and the head was event ${recorded.seq}.` };
  }
  const { data } = await client.query({ query: InclusionProofQuery, variables: { seq: recorded.seq, treeSize: now.treeSize }, fetchPolicy: 'network-only' });
  if (!data) throw new Error('The inclusion proof could not be read.');
  const hashes = data.auditInclusionProof.hashes;
  const ok = await verifyInclusionHex(recorded.seq - 1, now.treeSize, await leafHashHex(recorded.hash), hashes, now.rootHash);
  return {
    ...base,
    ok,
    proofHashes: hashes.length,
    message: ok
      ? `The log still extends the recorded head: event ${recorded.seq} keeps the recorded hash in the current log of ${events(now.treeSize)}.`
      : `The log no longer extends the recorded head: event ${recorded.seq} does not have the recorded hash in the current log of ${events(now.treeSize)}.`,
  };
}
