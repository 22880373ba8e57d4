import { parse } from 'csv-parse/sync';
import { ROPA_CSV_HEADER, ropaCsv, type RecordOfProcessing } from './ropa-export';

const activity = (over: Partial<RecordOfProcessing['activities'][number]> = {}): RecordOfProcessing['activities'][number] => ({
  __typename: 'ProcessingActivity',
  ...{ serviceKey: 'maps', serviceName: 'Maps, "the" app', serviceDescription: null, teamKey: 'geo', lifecycle: 'ACTIVE' },
  ...{ purpose: 'service.provide', purposeName: 'Provide the service', legalBases: ['CONSENT', 'CONTRACT'], dataSubjects: ['drivers'] },
  dataCategories: [
    { __typename: 'RopaDataCategory', key: 'device.location', name: 'Location', sensitive: true, dataSubjects: ['drivers'], legalBasis: 'CONSENT', source: 'DEVICE_PERMISSION', encryption: 'AT_REST_AND_IN_TRANSIT' },
  ],
  recipients: [
    {
      __typename: 'RopaRecipient',
      arrangementId: 'a1',
      processorKey: 'voicely',
      processorName: 'Voicely Inc.',
      country: 'US',
      outsideHomeRegion: true,
      transferMechanism: null,
      dataCategories: ['device.location'],
      legalBasis: 'CONSENT',
      approvedAt: '2026-11-01T00:00:00.000Z',
    },
  ],
  transfers: [
    { __typename: 'RopaTransfer', recipient: 'processor voicely', country: 'US', restricted: true, lawful: false, basis: null },
    { __typename: 'RopaTransfer', recipient: 'sub-processor Voicely hosting', country: 'DE', restricted: false, lawful: true, basis: null },
  ],
  dpia: { __typename: 'RopaDpia', summary: 'required (2 criteria met), no DPIA is recorded', criteria: ['sensitive data', 'vulnerable data subjects'] },
  erasureTimeLimits: [{ __typename: 'RopaErasureLimit', dataCategory: 'device.location', retentionDays: 30, policyLimit: '30', description: 'deleted after 30 days' }],
  securityMeasures: ['TLS 1.3'],
  gaps: [],
  ...over,
});

const record = (activities: RecordOfProcessing['activities']): RecordOfProcessing => ({
  __typename: 'RecordOfProcessing',
  at: '2026-11-29T10:00:00.000Z',
  generatedAt: '2026-11-30T10:00:00.000Z',
  homeRegion: { __typename: 'HomeRegion', name: 'EEA', countries: ['DE'], isDefault: true },
  activities,
});

describe('ropaCsv', () => {
  it('should write the header row (the CLI\'s columns) and one row per activity', () => {
    const rows = parse(ropaCsv(record([activity(), activity({ purpose: 'security', purposeName: 'Security' })]))) as string[][];
    expect(rows[0]).toEqual(ROPA_CSV_HEADER);
    expect(ROPA_CSV_HEADER).toEqual(['service', 'service_name', 'team', 'lifecycle', 'purpose', 'purpose_name', 'legal_bases', 'data_subjects', 'data_categories', 'recipients', 'transfers_outside_home_region', 'transfers', 'dpia', 'erasure_time_limits', 'security_measures', 'gaps', 'as_of']);
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['service.provide', 'security']);
  });

  it('should keep commas and quotes inside a cell, lists joined with "; "', () => {
    const [, row] = parse(ropaCsv(record([activity()]))) as string[][];
    expect(row[1]).toBe('Maps, "the" app');
    expect(row[6]).toBe('CONSENT; CONTRACT');
    expect(row[8]).toBe('device.location (sensitive)');
    expect(row[9]).toBe('Voicely Inc. [voicely] (US): device.location');
    expect(row[10]).toBe('voicely (US): NO MECHANISM RECORDED');
    expect(row[11]).toBe('processor voicely (US): UNLAWFUL; sub-processor Voicely hosting (DE): not restricted');
    expect(row[12]).toBe('required (2 criteria met), no DPIA is recorded [sensitive data / vulnerable data subjects]');
    expect(row[14]).toBe('TLS 1.3; device.location encryption AT_REST_AND_IN_TRANSIT');
    expect(row[16]).toBe('2026-11-29T10:00:00.000Z');
  });

  it('should write only the header for an instant without activities', () => {
    expect(parse(ropaCsv(record([])))).toEqual([ROPA_CSV_HEADER]);
  });
});
