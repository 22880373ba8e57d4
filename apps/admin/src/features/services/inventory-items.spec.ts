import { EMPTY_ITEM, type EditableItem, fromFormValues, itemFormErrors, toFormValues, toItemInput, withItem, withoutItem } from './inventory-items';

const location: EditableItem = { dataCategory: 'device.location', purposes: ['service.provide'], source: 'DEVICE_PERMISSION', devicePermission: 'LOCATION', legalBasis: 'CONSENT', retentionDays: 30, encryption: 'AT_REST_AND_IN_TRANSIT', publiclyVisible: false, dataSubjects: ['drivers'] };
const email: EditableItem = { ...location, dataCategory: 'user.contact.email', source: 'USER_PROVIDED', devicePermission: null, retentionDays: null, dataSubjects: ['customers', 'minors'] };
const taxonomy = { hasCategory: (k: string) => ['device.location', 'user.contact.email'].includes(k), hasUse: (k: string) => k === 'service.provide' };

describe('inventory items', () => {
  it('should send every field of an item, data subjects and nulls included', () => {
    expect(toItemInput(email)).toEqual({
      dataCategory: 'user.contact.email',
      purposes: ['service.provide'],
      source: 'USER_PROVIDED',
      devicePermission: null,
      legalBasis: 'CONSENT',
      retentionDays: null,
      encryption: 'AT_REST_AND_IN_TRANSIT',
      publiclyVisible: false,
      dataSubjects: ['customers', 'minors'],
    });
  });

  it('should replace, add or remove one item and leave the others as they were', () => {
    const edited = { ...location, retentionDays: 45 };
    expect(withItem([location, email], 0, edited)).toEqual([edited, email]);
    expect(withItem([location], null, email)).toEqual([location, email]);
    expect(withoutItem([location, email], 0)).toEqual([email]);
  });

  it('should give back, from the form, exactly the item it was filled with', () => {
    expect(fromFormValues(toFormValues(location))).toEqual(location);
    expect(fromFormValues(toFormValues(email))).toEqual(email);
  });

  it('should ask for every choice of an empty item, in words', () => {
    expect(itemFormErrors(EMPTY_ITEM, taxonomy)).toEqual({
      dataCategory: 'Choose the data category.',
      source: 'Choose where the data comes from.',
      legalBasis: 'Choose the legal basis.',
      encryption: 'Choose how the data is encrypted.',
      retentionDays: 'Enter how many days the data is kept, or tick “kept indefinitely”.',
      purposes: 'Choose at least one purpose: data held for no purpose may not be collected.',
    });
  });

  it("should say the domain's item rules next to their field", () => {
    const values = { ...toFormValues(location), source: 'AUTOMATIC' as const, retentionDays: -2, purposes: ['advertising'] };
    expect(itemFormErrors(values, taxonomy)).toEqual({
      purposes: '“advertising” is not a data use of the taxonomy.',
      devicePermission: 'Only an item collected through a device permission names one: clear it, or choose that source.',
      retentionDays: 'Enter a whole number of days, 0 or more.',
    });
    expect(itemFormErrors(toFormValues(location), taxonomy)).toEqual({});
  });
});
