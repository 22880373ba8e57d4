import { Document, isMap, isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ManifestError, ManifestProblem } from '../errors';
import { describeIssue, SourceFile } from '../manifest/load';
import { TAXONOMY_KEY } from '../manifest/vocabulary';
import defaultMapping from './default-mapping.json';

/**
 * The mapping between fideslang's taxonomy keys and Canopy's, per kind: the
 * default one ships as default-mapping.json (fideslang 3.2); an organisation
 * passes its own with --mapping, whose entries override the default's key by
 * key (its officers' additions to Canopy's taxonomy included).
 *
 * - import: fideslang key -> the Canopy key it imports as;
 * - unmapped: fideslang key -> why it has no Canopy key (listed, never guessed);
 * - export: Canopy key -> the fideslang key it is written as. Where that key
 *   does not import back as the same Canopy key (a broader fideslang key, or
 *   none), the export also carries the Canopy key itself, so nothing is lost.
 *
 * A key in neither list is unmapped too: no parent's mapping is borrowed,
 * since a broader Canopy key could drop a sensitivity (user.health is not
 * user).
 */
export type TaxonomyKind = 'dataCategories' | 'dataUses' | 'dataSubjects';
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = ['dataCategories', 'dataUses', 'dataSubjects'];
export const KIND_LABEL: Record<TaxonomyKind, string> = { dataCategories: 'data category', dataUses: 'data use', dataSubjects: 'data subject' };

export type ImportedKey = { canopy: string } | { unmapped: string };

export interface FidesMapping {
  /** The fideslang version whose keys the mapping follows. */
  readonly fideslang: string;
  toCanopy(kind: TaxonomyKind, fidesKey: string): ImportedKey;
  /** The fideslang key a Canopy key is written as, and whether it imports back as that same key; null when the mapping has none. */
  toFides(kind: TaxonomyKind, canopyKey: string): { fides: string; exact: boolean } | null;
  /** The fideslang keys the mapping imports, and those it lists as unmapped with the reason. */
  coverage(kind: TaxonomyKind): { mapped: string[]; unmapped: { key: string; reason: string }[] };
}

/** fideslang's FidesKey: letters, digits and `_ . < > -`. */
export const FIDES_KEY = /^[A-Za-z0-9_.<>-]+$/;

const fidesKey = z.string().regex(FIDES_KEY, { error: 'must be a fideslang key (letters, digits, _ . - < >)' });
const canopyKey = z.string().max(128).regex(TAXONOMY_KEY, { error: 'must be a Canopy taxonomy key such as user.contact.email' });
const subject = z.string().trim().min(1, { error: 'must not be blank' }).max(100, { error: 'may have at most 100 characters' });
const reason = z.string().trim().min(1, { error: 'give the reason the key has no Canopy counterpart' });

const section = (canopy: z.ZodString | z.ZodType<string>) =>
  z
    .strictObject({
      import: z.record(fidesKey, canopy).optional(),
      unmapped: z.record(fidesKey, reason).optional(),
      export: z.record(z.string(), fidesKey).optional(),
    })
    .optional();

const mappingSchema = z.strictObject({
  $comment: z.string().optional(),
  fideslang: z.string().optional(),
  dataCategories: section(canopyKey),
  dataUses: section(canopyKey),
  dataSubjects: section(subject),
});

type MappingDocument = z.output<typeof mappingSchema>;
interface Section {
  import: Record<string, string>;
  unmapped: Record<string, string>;
  export: Record<string, string>;
}

/** The default mapping, overridden key by key by the organisation's file when one is given. */
export function loadMapping(custom?: SourceFile): FidesMapping {
  const base = validate(defaultMapping, { name: 'default-mapping.json', content: '' });
  if (!custom) return mappingOf(base.fideslang ?? 'unknown', sectionsOf(base));
  const lineCounter = new LineCounter();
  const doc = parseDocument(custom.content, { lineCounter, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ManifestError(doc.errors.map((e) => ({ file: custom.name, document: 1, line: e.linePos?.[0]?.line, path: '', message: `YAML: ${e.message.split('\n')[0]}` })));
  }
  if (!isMap(doc.contents)) throw new ManifestError([{ file: custom.name, document: 1, line: 1, path: '', message: 'a mapping file is a mapping with dataCategories, dataUses and/or dataSubjects' }]);
  const own = validate(doc.toJS(), custom, (segments) => lineOfKey(doc, segments, lineCounter));
  const defaults = sectionsOf(base);
  const mine = sectionsOf(own);
  const merged = Object.fromEntries(
    TAXONOMY_KINDS.map((kind) => {
      const d = defaults[kind];
      const o = mine[kind];
      return [
        kind,
        {
          import: { ...o.import, ...without(d.import, o.unmapped, o.import) },
          unmapped: { ...o.unmapped, ...without(d.unmapped, o.import, o.unmapped) },
          export: { ...d.export, ...o.export },
        },
      ];
    }),
  ) as Record<TaxonomyKind, Section>;
  return mappingOf(own.fideslang ?? base.fideslang ?? 'unknown', merged);
}

/**
 * Validates a mapping document; each problem names the file, line and path
 * (keys are dotted themselves, so paths quote them: dataUses.import["x.y"]).
 */
function validate(value: unknown, source: SourceFile, lineOf: (segments: PropertyKey[]) => number | undefined = () => undefined): MappingDocument {
  const parsed = mappingSchema.safeParse(value);
  const problems: ManifestProblem[] = [];
  const at = (segments: PropertyKey[], message: string) =>
    problems.push({ file: source.name, document: 1, line: lineOf(segments), path: segments.map((s, i) => (i < 2 ? `${i ? '.' : ''}${String(s)}` : `[${JSON.stringify(s)}]`)).join(''), message });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const described = describeIssue(issue, mappingSchema, value);
      described.forEach(({ message }, i) => at(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[i]] : issue.path, message));
    }
    throw new ManifestError(problems);
  }
  for (const kind of TAXONOMY_KINDS) {
    const s = parsed.data[kind];
    for (const key of Object.keys(s?.import ?? {})) {
      if (key in (s?.unmapped ?? {})) at([kind, 'unmapped', key], `"${key}" is both imported and unmapped`);
    }
    if (kind !== 'dataSubjects') {
      for (const key of Object.keys(s?.export ?? {})) if (!TAXONOMY_KEY.test(key)) at([kind, 'export', key], `"${key}" is not a Canopy taxonomy key`);
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return parsed.data;
}

/** The line of the key at a path (the entry a problem is about), or of the file's start. */
function lineOfKey(doc: Document, segments: PropertyKey[], lineCounter: LineCounter): number | undefined {
  const parent = segments.length > 1 ? doc.getIn(segments.slice(0, -1) as (string | number)[], true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === segments[segments.length - 1]);
  return pair && isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : undefined;
}

function sectionsOf(doc: MappingDocument): Record<TaxonomyKind, Section> {
  return Object.fromEntries(TAXONOMY_KINDS.map((kind) => [kind, { import: doc[kind]?.import ?? {}, unmapped: doc[kind]?.unmapped ?? {}, export: doc[kind]?.export ?? {} }])) as Record<
    TaxonomyKind,
    Section
  >;
}

const without = (entries: Record<string, string>, ...drop: Record<string, string>[]) => Object.fromEntries(Object.entries(entries).filter(([k]) => !drop.some((d) => k in d)));

function mappingOf(fideslang: string, sections: Record<TaxonomyKind, Section>): FidesMapping {
  const own = (record: Record<string, string>, key: string) => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
  const toCanopy = (kind: TaxonomyKind, key: string): ImportedKey => {
    const canopy = own(sections[kind].import, key);
    if (canopy !== undefined) return { canopy };
    return { unmapped: own(sections[kind].unmapped, key) ?? `not in the mapping (fideslang ${fideslang}'s default taxonomy has no such ${KIND_LABEL[kind]}; map it with --mapping)` };
  };
  return {
    fideslang,
    toCanopy,
    toFides(kind, canopyKey) {
      const fides = own(sections[kind].export, canopyKey) ?? Object.entries(sections[kind].import).find(([, c]) => c === canopyKey)?.[0];
      if (fides === undefined) return null;
      const back = toCanopy(kind, fides);
      return { fides, exact: 'canopy' in back && back.canopy === canopyKey };
    },
    coverage: (kind) => ({
      mapped: Object.keys(sections[kind].import),
      unmapped: Object.entries(sections[kind].unmapped).map(([key, why]) => ({ key, reason: why })),
    }),
  };
}
