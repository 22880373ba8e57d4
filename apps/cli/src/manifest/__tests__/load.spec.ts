import { ManifestError, ManifestProblem } from '../../errors';
import { parseManifests } from '../load';
import { mapsServiceHead } from '../../testing/manifests';

const SERVICE = `${mapsServiceHead()}  securityMeasures: [TLS 1.3 in transit]
  policy:
    clauses:
      - { topic: RETENTION, subject: device.log, value: 30 }
  sharing:
    - processor: tiles
      dataCategories: [device.location]
      purposes: [service.provide]
      legalBasis: CONSENT
`;

const PROCESSOR = `apiVersion: canopy/v1
kind: Processor
metadata: { key: tiles, name: Tiles Inc. }
spec:
  country: us
  dpaSignedAt: 2026-01-01
  transferMechanism: STANDARD_CONTRACTUAL_CLAUSES
`;

function problemsOf(content: string, file = 'canopy.yaml'): ManifestProblem[] {
  try {
    parseManifests([{ name: file, content }]);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected problems');
}

const edit = (from: string, to: string) => SERVICE.replace(from, to);

describe('parseManifests', () => {
  it('should load a valid Service and Processor from one multi-document file', () => {
    const loaded = parseManifests([{ name: 'canopy.yaml', content: `${SERVICE}---\n${PROCESSOR}` }]);
    expect(loaded.map((d) => [d.kind, d.manifest.metadata.key, d.origin.document])).toEqual([
      ['Service', 'maps', 1],
      ['Processor', 'tiles', 2],
    ]);
    const service = loaded[0];
    if (service.kind !== 'Service') throw new Error('not a service');
    expect(service.manifest.spec.policy?.clauses[0]).toEqual({ topic: 'RETENTION', subject: 'device.log', value: '30' });
    expect(service.manifest.spec.inventory?.[0].dataSubjects).toEqual(['customers']);
    const processor = loaded[1];
    if (processor.kind !== 'Processor') throw new Error('not a processor');
    expect(processor.manifest.spec.country).toBe('US');
    expect(processor.manifest.spec.dpaSignedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('should skip empty documents but keep their numbers', () => {
    const loaded = parseManifests([{ name: 'a.yaml', content: `---\n${SERVICE}---\n---\n${PROCESSOR}---\n` }]);
    // A leading --- opens the first document; the empty one between two markers is document 2.
    expect(loaded.map((d) => d.origin.document)).toEqual([1, 3]);
  });

  it('should name the file, document, line and path of a problem', () => {
    const problems = problemsOf(`${PROCESSOR}---\n${edit('retentionDays: 30', 'retentionDays: -1')}`, 'svc.yaml');
    expect(problems).toEqual([
      { file: 'svc.yaml', document: 2, line: 25, path: 'spec.inventory[0].retentionDays', message: 'must be 0 or more days' },
    ]);
  });

  it('should collect every problem of every document, not just the first', () => {
    const problems = problemsOf(`${edit('team: geo', 'team: Geo')}---\n${PROCESSOR.replace('country: us', 'country: USA')}`);
    expect(problems.map((p) => `${p.document} ${p.path}`)).toEqual(['1 metadata.team', '2 spec.country']);
  });

  it.each([
    ['a wrong apiVersion', edit('canopy/v1', 'canopy/v0'), 'apiVersion', 'must be canopy/v1, not "canopy/v0"'],
    ['an unknown kind', edit('kind: Service', 'kind: Widget'), 'kind', 'must be one of Service, Processor, not "Widget"'],
    ['a missing metadata field', edit('  team: geo\n', ''), 'metadata.team', 'is required'],
    ['a key that is not a slug', edit('key: maps', 'key: Maps!'), 'metadata.key', expect.stringContaining('must be a key')],
    ['a blank name', edit('name: Maps', 'name: "  "'), 'metadata.name', 'must not be blank'],
    ['an unknown lifecycle', edit('lifecycle: ACTIVE', 'lifecycle: LIVE'), 'spec.lifecycle', 'must be one of PLANNED, ACTIVE, DEPRECATED, RETIRED'],
    ['a wrong type', edit('servesMinors: false', 'servesMinors: sometimes'), 'spec.servesMinors', 'must be a boolean, not string "sometimes"'],
    ['an empty purpose list', edit('purposes: [service.provide, personalize]', 'purposes: []'), 'spec.inventory[0].purposes', 'list at least one purpose'],
    ['a malformed taxonomy key', edit('dataCategory: device.location', 'dataCategory: Device Location'), 'spec.inventory[0].dataCategory', expect.stringContaining('taxonomy key')],
    ['a fractional retention', edit('retentionDays: 30', 'retentionDays: 1.5'), 'spec.inventory[0].retentionDays', 'must be a whole number of days'],
    ['an unknown encryption', edit('encryption: AT_REST_AND_IN_TRANSIT', 'encryption: AES'), 'spec.inventory[0].encryption', expect.stringContaining('must be one of NONE')],
    ['a misspelt field', edit('retentionDays: 30', 'retentionDay: 30'), 'spec.inventory[0].retentionDay', 'unknown field (did you mean retentionDays?)'],
    ['an unknown clause topic', edit('topic: RETENTION', 'topic: KEEP'), 'spec.policy.clauses[0].topic', expect.stringContaining('must be one of COLLECTION')],
    ['a sharing entry without categories', edit('dataCategories: [device.location]', 'dataCategories: []'), 'spec.sharing[0].dataCategories', 'list at least one data category'],
    ['an unknown legal basis', edit('purposes: [service.provide]\n      legalBasis: CONSENT', 'purposes: [service.provide]\n      legalBasis: WHIM'), 'spec.sharing[0].legalBasis', expect.stringContaining('must be one of CONSENT')],
  ])('should report %s at its path', (_what, content, path, message) => {
    const problems = problemsOf(content);
    expect(problems).toEqual([expect.objectContaining({ path, message, document: 1 })]);
    expect(problems[0].line).toBeGreaterThan(0);
  });

  it('should report a Processor with a bad country, e-mail and date', () => {
    const problems = problemsOf(PROCESSOR.replace('country: us', 'country: U1').replace('dpaSignedAt: 2026-01-01', 'dpaSignedAt: yesterday\n  contactEmail: nobody'));
    expect(problems.map((p) => p.path)).toEqual(['spec.country', 'spec.contactEmail', 'spec.dpaSignedAt']);
  });

  it('should report YAML syntax errors with their line', () => {
    const problems = problemsOf('apiVersion: canopy/v1\nkind: [Service\n');
    expect(problems[0]).toEqual(expect.objectContaining({ document: 1, path: '', message: expect.stringMatching(/^YAML: /) }));
    expect(problems[0].line).toBeGreaterThan(0);
  });

  it('should refuse a document that is not a mapping, and a file with no document', () => {
    expect(problemsOf('- just\n- a list\n')[0].message).toMatch(/must be a mapping/);
    expect(problemsOf('# only a comment\n')[0].message).toMatch(/no (YAML|manifest) document/);
  });

  it('should refuse the same object declared twice, naming the first place', () => {
    let problems: ManifestProblem[] = [];
    try {
      parseManifests([
        { name: 'a.yaml', content: SERVICE },
        { name: 'b.yaml', content: `${PROCESSOR}---\n${SERVICE}` },
      ]);
    } catch (error) {
      problems = (error as ManifestError).problems;
    }
    expect(problems).toEqual([expect.objectContaining({ file: 'b.yaml', document: 2, path: 'metadata.key', message: 'Service "maps" is also defined in a.yaml document 1' })]);
  });

  it('should refuse duplicate keys inside a mapping', () => {
    expect(problemsOf(edit('  name: Maps\n', '  name: Maps\n  name: Maps 2\n'))[0].message).toMatch(/^YAML: /);
  });
});
