import path from 'node:path';
import { Document, isNode, LineCounter, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { ManifestError, ManifestProblem } from '../errors';
import { processorManifestSchema, ProcessorManifest, serviceManifestSchema, ServiceManifest } from './schema';
import { API_VERSION, KINDS } from './vocabulary';

/** Where a document came from: error messages and the plan name it. */
export interface DocumentOrigin {
  file: string;
  /** 1-based index of the document in its file. */
  document: number;
  /** The line of a field path (dotted, with [i] for list items); 1-based, or undefined when unknown. */
  lineOf(fieldPath: string): number | undefined;
  /**
   * A problem at a field path of the manifest, located in its source: file,
   * document, line, and the path as the source spells it (a Fides import
   * names the fideslang field a manifest field came from).
   */
  problem(fieldPath: string, message: string): ManifestProblem;
}

/** The origin of a document whose field paths are its own (a canopy/v1 manifest). */
export function documentOrigin(file: string, document: number, lineOf: (fieldPath: string) => number | undefined): DocumentOrigin {
  return { file, document, lineOf, problem: (path, message) => ({ file, document, line: lineOf(path), path, message }) };
}

export type LoadedManifest =
  | { kind: 'Service'; manifest: ServiceManifest; origin: DocumentOrigin }
  | { kind: 'Processor'; manifest: ProcessorManifest; origin: DocumentOrigin };

export interface SourceFile {
  /** As the user named it (shown in messages). */
  name: string;
  content: string;
}

/**
 * Parses and validates manifest files: every document of every file, all
 * problems collected (not just the first), each naming file, document, line
 * and field path. Throws ManifestError when there is any; nothing is sent to
 * the API before this succeeds.
 */
export function parseManifests(files: readonly SourceFile[]): LoadedManifest[] {
  const problems: ManifestProblem[] = [];
  const loaded: LoadedManifest[] = [];
  for (const file of files) {
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(file.content, { lineCounter, uniqueKeys: true });
    if (!Array.isArray(docs)) {
      // An empty file (or only comments) yields an empty stream.
      problems.push({ file: file.name, document: 1, path: '', message: 'the file holds no YAML document' });
      continue;
    }
    let documents = 0;
    docs.forEach((doc, index) => {
      const origin = originOf(file.name, index + 1, doc, lineCounter);
      if (doc.errors.length) {
        for (const error of doc.errors) {
          problems.push({ file: file.name, document: index + 1, line: error.linePos?.[0]?.line, path: '', message: `YAML: ${firstLine(error.message)}` });
        }
        documents++;
        return;
      }
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) return; // an empty document, e.g. after a trailing ---
      documents++;
      const result = validateDocument(value, origin);
      if ('problems' in result) problems.push(...result.problems);
      else loaded.push(result.loaded);
    });
    if (documents === 0 && !problems.some((p) => p.file === file.name)) {
      problems.push({ file: file.name, document: 1, path: '', message: 'the file holds no manifest document' });
    }
  }
  problems.push(...duplicateKeys(loaded));
  if (problems.length) throw new ManifestError(problems);
  return loaded;
}

function validateDocument(value: unknown, origin: DocumentOrigin): { loaded: LoadedManifest } | { problems: ManifestProblem[] } {
  const at = (fieldPath: string, message: string): ManifestProblem => ({
    file: origin.file,
    document: origin.document,
    line: origin.lineOf(fieldPath) ?? origin.lineOf(parentPath(fieldPath)),
    path: fieldPath,
    message,
  });
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    return { problems: [at('', 'a manifest document must be a mapping with apiVersion, kind, metadata and spec')] };
  }
  const envelope = value as Record<string, unknown>;
  const problems: ManifestProblem[] = [];
  if (envelope.apiVersion !== API_VERSION) {
    problems.push(at('apiVersion', envelope.apiVersion === undefined ? `is required (${API_VERSION})` : `must be ${API_VERSION}, not ${JSON.stringify(envelope.apiVersion)}`));
  }
  if (!KINDS.includes(envelope.kind as (typeof KINDS)[number])) {
    problems.push(at('kind', envelope.kind === undefined ? `is required (one of ${KINDS.join(', ')})` : `must be one of ${KINDS.join(', ')}, not ${JSON.stringify(envelope.kind)}`));
    return { problems };
  }
  const schema = envelope.kind === 'Service' ? serviceManifestSchema : processorManifestSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'apiVersion' && problems.some((p) => p.path === 'apiVersion')) continue;
      problems.push(...describeIssue(issue, schema, value).map(({ fieldPath, message }) => at(fieldPath, message)));
    }
  }
  if (problems.length || !parsed.success) return { problems };
  return {
    loaded:
      envelope.kind === 'Service'
        ? { kind: 'Service', manifest: parsed.data as ServiceManifest, origin }
        : { kind: 'Processor', manifest: parsed.data as ProcessorManifest, origin },
  };
}

/** Turns a zod issue into messages at field paths (one per unknown key). */
export function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown): { fieldPath: string; message: string }[] {
  const base = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = fieldsAt(schema, issue.path);
    return issue.keys.map((key) => {
      const hint = closest(key, allowed);
      return {
        fieldPath: joinPath(base, key),
        message: `unknown field${hint ? ` (did you mean ${hint}?)` : allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
      };
    });
  }
  if (issue.path.length && isMissing(input, issue.path)) {
    const allowed = issue.code === 'invalid_value' && issue.values.length > 1 ? ` (one of ${issue.values.join(', ')})` : '';
    return [{ fieldPath: base, message: `is required${allowed}` }];
  }
  if (issue.code === 'invalid_type') {
    const got = valueAt(input, issue.path);
    const expected = issue.expected === 'int' ? 'a whole number' : `a${/^[aeiou]/.test(issue.expected) ? 'n' : ''} ${issue.expected}`;
    if (/^(Invalid input|Expected)/.test(issue.message)) return [{ fieldPath: base, message: `must be ${expected}, not ${describeValue(got)}` }];
  }
  if (issue.code === 'invalid_value' && issue.values.length === 1 && /^Invalid/.test(issue.message)) {
    return [{ fieldPath: base, message: `must be ${JSON.stringify(issue.values[0])}` }];
  }
  return [{ fieldPath: base, message: issue.message }];
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out = typeof s === 'number' ? `${out}[${s}]` : joinPath(out, String(s));
  return out;
}

const joinPath = (base: string, key: string) => (base ? `${base}.${key}` : key);

function parentPath(fieldPath: string): string {
  const m = /^(.*?)(\.[^.[\]]+|\[\d+\])$/.exec(fieldPath);
  return m ? m[1] : '';
}

/** The field is absent from its (existing) parent mapping. */
function isMissing(input: unknown, segments: readonly PropertyKey[]): boolean {
  const parent = valueAt(input, segments.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !(segments[segments.length - 1] in parent);
}

function valueAt(input: unknown, segments: readonly PropertyKey[]): unknown {
  let current = input;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[s];
  }
  return current;
}

/** The field names a schema allows at a path (unwrapping optional, default, nullable, pipes and arrays). */
function fieldsAt(schema: z.ZodType, segments: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const unwrap = (n: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      if (n instanceof z.ZodOptional || n instanceof z.ZodNullable || n instanceof z.ZodDefault) n = n.unwrap();
      else if (n instanceof z.ZodPipe) n = n.in;
      else break;
    }
    return n;
  };
  for (const s of segments) {
    node = unwrap(node);
    if (node instanceof z.ZodArray && typeof s === 'number') node = node.element;
    else if (node instanceof z.ZodObject && typeof s === 'string') node = (node.shape as Record<string, unknown>)[s];
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** The allowed name nearest to a misspelt one (edit distance at most 3, or a case difference). */
function closest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of allowed) {
    const k = key.toLowerCase();
    const c = candidate.toLowerCase();
    // A case difference or a truncated name (retention for retentionDays) is as good as a typo.
    const d = c === k ? 0 : k.length >= 4 && (c.startsWith(k) || k.startsWith(c)) ? 1 : editDistance(key, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function originOf(file: string, document: number, doc: Document, lineCounter: LineCounter): DocumentOrigin {
  return documentOrigin(file, document, lineFinder(doc, lineCounter));
}

/** The 1-based line of a field path in a parsed YAML document (undefined for a missing or null value). */
export function lineFinder(doc: Document, lineCounter: LineCounter): (fieldPath: string) => number | undefined {
  return (fieldPath) => {
    const segments = fieldPath ? parsePath(fieldPath) : [];
    const node = segments.length ? doc.getIn(segments, true) : doc.contents;
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

function parsePath(fieldPath: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of fieldPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function duplicateKeys(loaded: readonly LoadedManifest[]): ManifestProblem[] {
  const seen = new Map<string, DocumentOrigin>();
  const problems: ManifestProblem[] = [];
  for (const doc of loaded) {
    const id = `${doc.kind}/${doc.manifest.metadata.key}`;
    const first = seen.get(id);
    if (first) {
      problems.push(doc.origin.problem('metadata.key', `${doc.kind} "${doc.manifest.metadata.key}" is also defined in ${first.file} document ${first.document}`));
    } else {
      seen.set(id, doc.origin);
    }
  }
  return problems;
}

/** Reads the files named by -f; an unreadable file is an input error naming it. */
export async function readManifestFiles(names: readonly string[], cwd: string, readFile: (path: string) => Promise<string>): Promise<SourceFile[]> {
  const problems: ManifestProblem[] = [];
  const files: SourceFile[] = [];
  for (const name of names) {
    try {
      files.push({ name, content: await readFile(path.resolve(cwd, name)) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory (name the manifest files)' : (error as Error).message;
      problems.push({ file: name, document: 0, path: '', message: `cannot read: ${why}` });
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return files;
}
