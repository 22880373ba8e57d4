import { sign } from 'node:crypto';
import { canonicalJson } from '../audit/audit-event-hash';
import type { SigningKey } from '../signing/keys';
import type { SignedTreeHead } from '../signing/tree-head';
import { FingerprintSet } from './fingerprint-set';
import { BundleDigest, endMessage, headerMessage, recordDigest } from './digests';
import { BUNDLE_VERSION, BundleEnd, BundleEvent, BundleHeader, BundleRecordInput, BundleSignature, EventLine, RecordLine } from './format';

export interface BundleHead {
  /** The instant the records are as of (ISO 8601). */
  at: string;
  generatedAt: string;
  /** Signed with the same key, its treeSize the events up to `at`. */
  treeHead: SignedTreeHead;
  /** The number of records the bundle will hold (announced in the header; end() checks it). */
  records: number;
}

/**
 * Writes a bundle (format 2, see format.ts) as a stream of lines with
 * bounded memory: what it keeps is the running digest, the seqs of the
 * events written (one bit per event of the tree) and a 64-bit fingerprint
 * of each record's section and key (to refuse duplicates). Events
 * first, then the records citing them; `end()` signs the running digest.
 * Each method returns the lines to write, each ending in a newline. A
 * mistake of the exporter's (a record citing an event not yet written, a
 * duplicate) throws: it is a bug, not bad input.
 */
/** A set of seqs 1..size as one bit each: a tree of a million events takes 125 kB, whatever the number written. */
class SeqBits {
  private readonly bits: Uint8Array;
  size = 0;

  constructor(private readonly max: number) {
    this.bits = new Uint8Array((max >> 3) + 1);
  }

  has(seq: number): boolean {
    return Number.isInteger(seq) && seq >= 1 && seq <= this.max && (this.bits[seq >> 3] & (1 << (seq & 7))) !== 0;
  }

  add(seq: number): void {
    if (this.has(seq)) return;
    this.bits[seq >> 3] |= 1 << (seq & 7);
    this.size++;
  }
}

export class BundleWriter {
  private readonly digest: BundleDigest;
  private readonly headerLine: string;
  private readonly written: SeqBits;
  private readonly keys = new FingerprintSet();
  private recordCount = 0;
  private ended = false;

  constructor(
    private readonly head: BundleHead,
    private readonly key: SigningKey,
  ) {
    if (head.treeHead.keyId !== key.keyId) throw new Error('the tree head was signed with another key');
    this.written = new SeqBits(head.treeHead.treeSize);
    const unsigned = { canopyEvidenceBundle: BUNDLE_VERSION as typeof BUNDLE_VERSION, at: head.at, generatedAt: head.generatedAt, treeHead: head.treeHead, records: head.records };
    const header: BundleHeader = { ...unsigned, signature: this.signature(headerMessage(unsigned)) };
    this.headerLine = canonicalJson(header);
    this.digest = new BundleDigest(this.headerLine);
  }

  header(): string {
    return `${this.headerLine}\n`;
  }

  /** The seqs among `seqs` not yet written, ascending, each once: what the next events() must carry. */
  unwritten(seqs: Iterable<number>): number[] {
    return [...new Set(seqs)].filter((seq) => !this.written.has(seq)).sort((a, b) => a - b);
  }

  events(events: readonly BundleEvent[]): string {
    return events.map((event) => this.eventLine(event)).join('');
  }

  records(section: string, records: readonly BundleRecordInput[]): string {
    return records.map((record) => this.recordLine(section, record)).join('');
  }

  end(): string {
    if (this.ended) throw new Error('the bundle has ended');
    if (this.recordCount !== this.head.records) throw new Error(`the header announced ${this.head.records} records; ${this.recordCount} were written`);
    this.ended = true;
    const counts = { digest: this.digest.hex(), records: this.recordCount, events: this.written.size };
    const end: BundleEnd = { kind: 'end', ...counts, signature: this.signature(endMessage(counts)) };
    return `${canonicalJson(end)}\n`;
  }

  private signature(message: Buffer): BundleSignature {
    return { algorithm: 'Ed25519', keyId: this.key.keyId, value: sign(null, message, this.key.privateKey).toString('base64') };
  }

  private eventLine(event: BundleEvent): string {
    if (this.written.has(event.seq)) throw new Error(`event ${event.seq} is written twice`);
    if (event.seq > this.head.treeHead.treeSize) throw new Error(`event ${event.seq} is past the tree head (${this.head.treeHead.treeSize})`);
    this.written.add(event.seq);
    const line: EventLine = { kind: 'event', seq: event.seq, hash: event.hash, prevHash: event.prevHash, body: event.body, inclusionProof: event.inclusionProof };
    return this.line(line);
  }

  private recordLine(section: string, record: BundleRecordInput): string {
    if (!this.keys.add(`${section}\u0000${record.key}`)) throw new Error(`${section} has two records keyed ${record.key}`);
    const missing = record.events.find((seq) => !this.written.has(seq));
    if (missing !== undefined) throw new Error(`${section} ${record.key} cites event ${missing}, which is not written before it`);
    if (record.snapshot && !record.events.includes(record.snapshot.seq)) throw new Error(`${section} ${record.key}: its snapshot event is not among its events`);
    this.recordCount++;
    const { key, data, events, snapshot } = record;
    const line: RecordLine = { kind: 'record', section, key, data, events, ...(snapshot ? { snapshot } : {}), digest: recordDigest(section, record) };
    return this.line(line);
  }

  private line(value: RecordLine | EventLine): string {
    if (this.ended) throw new Error('the bundle has ended');
    const text = canonicalJson(value);
    this.digest.add(text);
    return `${text}\n`;
  }
}

/** A whole bundle at once (tests, small exports): every event, ascending, then the sections' records in order. */
export function writeBundle(content: Omit<BundleHead, 'records'> & { sections: Record<string, readonly BundleRecordInput[]>; events: readonly BundleEvent[] }, key: SigningKey): string {
  const records = Object.values(content.sections).reduce((n, list) => n + list.length, 0);
  const writer = new BundleWriter({ ...content, records }, key);
  const parts = [writer.header(), writer.events([...content.events].sort((a, b) => a.seq - b.seq))];
  for (const [section, records] of Object.entries(content.sections)) parts.push(writer.records(section, records));
  parts.push(writer.end());
  return parts.join('');
}
