import type { RecordOfProcessingData } from '../../client/operations';
import { ROPA_CSV_COLUMNS, ropaToCsv } from '../ropa-csv';

const record: RecordOfProcessingData['recordOfProcessing'] = {
  at: '2026-06-01T00:00:00.000Z',
  generatedAt: '2026-06-02T00:00:00.000Z',
  homeRegion: { name: 'EEA', countries: ['DE'], isDefault: true },
  controller: { legalName: 'Canopy Ltd', address: '1 Main Street', contactEmail: 'privacy@canopy.test', dpoName: null, dpoEmail: null, euRepresentative: null, validFrom: '2026-01-01T00:00:00.000Z' },
  activities: [
    {
      serviceKey: 'maps',
      serviceName: 'Maps, "the" app',
      serviceDescription: null,
      teamKey: 'geo',
      lifecycle: 'ACTIVE',
      purpose: 'service.provide',
      purposeName: 'Provide the service',
      legalBases: ['CONSENT', 'CONTRACT'],
      dataSubjects: ['customers', 'visitors'],
      dataCategories: [
        { key: 'device.location', name: 'Location', sensitive: true, dataSubjects: ['customers'], legalBasis: 'CONSENT', source: 'DEVICE_PERMISSION', encryption: 'AT_REST_AND_IN_TRANSIT' },
      ],
      recipients: [
        { arrangementId: 'a1', processorKey: 'tiles', processorName: 'Tiles Inc.', country: 'US', outsideHomeRegion: true, transferMechanism: null, dataCategories: ['device.location'], legalBasis: 'CONSENT', approvedAt: null },
        { arrangementId: 'a2', processorKey: 'logs', processorName: 'Logs GmbH', country: 'DE', outsideHomeRegion: false, transferMechanism: null, dataCategories: ['device.log'], legalBasis: 'CONSENT', approvedAt: null },
      ],
      transfers: [
        { arrangementId: 'a1', processorKey: 'tiles', recipient: 'processor tiles', country: 'US', restricted: true, lawful: false, basis: null, reason: 'no basis' },
        { arrangementId: 'a1', processorKey: 'tiles', recipient: 'sub-processor Cloud', country: 'CH', restricted: true, lawful: true, basis: 'ADEQUACY_DECISION', reason: 'adequate' },
        { arrangementId: 'a2', processorKey: 'logs', recipient: 'processor logs', country: 'DE', restricted: false, lawful: true, basis: null, reason: 'inside' },
      ],
      dpia: {
        required: true,
        criteria: ['sensitive data: the service collects device.location', 'systematic monitoring: the service collects device.location (kept 400 days), over 90 days'],
        status: 'EXPIRED',
        assessmentId: 'd1',
        approvedAt: '2025-05-01T00:00:00.000Z',
        reviewDueAt: '2026-05-01T00:00:00.000Z',
        statusReason: 'its review was due on 2026-05-01T00:00:00.000Z',
        summary: 'required (2 criteria met), its DPIA expired on 2026-05-01 (approved on 2025-05-01)',
      },
      erasureTimeLimits: [{ dataCategory: 'device.location', retentionDays: 30, policyLimit: null, description: '30 days (no policy limit)' }],
      securityMeasures: ['TLS, everywhere'],
      gaps: ['processor tiles is in US, outside the home region EEA, and records no transfer mechanism'],
    },
  ],
};

describe('ropaToCsv', () => {
  it('should write a header and one row per activity, quoting commas and quotes', () => {
    const lines = ropaToCsv(record).trimEnd().split('\n');
    expect(lines[0]).toBe(ROPA_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Maps, ""the"" app"');
    expect(lines[1]).toContain('device.location (sensitive)');
    expect(lines[1]).toContain('Tiles Inc. [tiles] (US): device.location; Logs GmbH [logs] (DE): device.log');
    expect(lines[1]).toContain(',tiles (US): NO MECHANISM RECORDED,');
    expect(lines[1]).toContain(',processor tiles (US): UNLAWFUL; sub-processor Cloud (CH): ADEQUACY_DECISION; processor logs (DE): not restricted,');
    expect(lines[1]).toContain(
      ',"required (2 criteria met), its DPIA expired on 2026-05-01 (approved on 2025-05-01) [sensitive data: the service collects device.location / systematic monitoring: the service collects device.location (kept 400 days), over 90 days]",',
    );
    expect(lines[1]).toContain('"TLS, everywhere; device.location encryption AT_REST_AND_IN_TRANSIT"');
    expect(lines[1].endsWith(',2026-06-01T00:00:00.000Z')).toBe(true);
  });

  it('should write only the header for an empty record', () => {
    expect(ropaToCsv({ ...record, activities: [] })).toBe(`${ROPA_CSV_COLUMNS.join(',')}\n`);
  });
});
