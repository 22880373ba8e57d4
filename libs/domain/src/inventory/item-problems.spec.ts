import { Taxonomy } from '../taxonomy/taxonomy';
import { type InventoryItemCandidate, inventoryItemProblems, normaliseDevicePermission } from './item-problems';

const taxonomy = Taxonomy.default();
const item = (over: Partial<InventoryItemCandidate> = {}): InventoryItemCandidate => ({
  dataCategory: 'device.location',
  purposes: ['service.provide'],
  source: 'DEVICE_PERMISSION',
  devicePermission: 'LOCATION',
  retentionDays: 30,
  dataSubjects: ['customers'],
  ...over,
});
const codes = (over: Partial<InventoryItemCandidate>) => inventoryItemProblems(item(over), taxonomy).map((p) => `${p.field}:${p.code}`);

describe('inventoryItemProblems', () => {
  it('should accept a complete item, and one kept indefinitely without permission or subjects', () => {
    expect(inventoryItemProblems(item(), taxonomy)).toEqual([]);
    expect(inventoryItemProblems(item({ source: 'AUTOMATIC', devicePermission: null, retentionDays: null, dataSubjects: null }), taxonomy)).toEqual([]);
    expect(inventoryItemProblems(item({ source: 'AUTOMATIC', devicePermission: '  ' }), taxonomy)).toEqual([]);
  });

  it('should name an unknown category', () => {
    expect(inventoryItemProblems(item({ dataCategory: 'device.gps' }), taxonomy)).toEqual([{ field: 'dataCategory', code: 'UNKNOWN_CATEGORY', offending: 'device.gps' }]);
  });

  it('should need a purpose, and name an unknown one', () => {
    expect(codes({ purposes: [] })).toEqual(['purposes:NO_PURPOSE']);
    expect(inventoryItemProblems(item({ purposes: ['service.provide', 'analytics'] }), taxonomy)).toEqual([{ field: 'purposes', code: 'UNKNOWN_USE', offending: 'analytics' }]);
  });

  it('should keep device permissions to items collected through one, as upper-case names', () => {
    expect(codes({ source: 'AUTOMATIC' })).toEqual(['devicePermission:PERMISSION_WITHOUT_DEVICE_SOURCE']);
    expect(codes({ devicePermission: 'gps tracking' })).toEqual(['devicePermission:MALFORMED_PERMISSION']);
    expect(codes({ devicePermission: ' camera ' })).toEqual([]);
  });

  it('should need a whole, non-negative retention', () => {
    expect(codes({ retentionDays: -1 })).toEqual(['retentionDays:NEGATIVE_OR_FRACTIONAL_RETENTION']);
    expect(codes({ retentionDays: 1.5 })).toEqual(['retentionDays:NEGATIVE_OR_FRACTIONAL_RETENTION']);
    expect(codes({ retentionDays: 0 })).toEqual([]);
  });

  it('should refuse a blank data subject', () => {
    expect(codes({ dataSubjects: ['customers', ' '] })).toEqual(['dataSubjects:BLANK_DATA_SUBJECT']);
  });

  it('should list every problem in field order', () => {
    expect(codes({ dataCategory: 'nope', purposes: [], source: 'AUTOMATIC', retentionDays: -3 })).toEqual([
      'dataCategory:UNKNOWN_CATEGORY',
      'purposes:NO_PURPOSE',
      'devicePermission:PERMISSION_WITHOUT_DEVICE_SOURCE',
      'retentionDays:NEGATIVE_OR_FRACTIONAL_RETENTION',
    ]);
  });
});

describe('normaliseDevicePermission', () => {
  it('should trim and upper-case, and treat blank as none', () => {
    expect(normaliseDevicePermission(' camera ')).toBe('CAMERA');
    expect(normaliseDevicePermission('')).toBeNull();
    expect(normaliseDevicePermission(null)).toBeNull();
  });
});
