/**
 * The maps service as its team declares it, up to and with its first
 * inventory item (location, by device permission, under consent): the suites
 * append what each of them needs.
 */
export const mapsServiceHead = (devicePermission = 'LOCATION') => `apiVersion: canopy/v1
kind: Service
metadata:
  key: maps
  name: Maps
  team: geo
spec:
  description: Maps and directions
  lifecycle: ACTIVE
  servesMinors: false
  inventory:
    - dataCategory: device.location
      purposes: [service.provide, personalize]
      source: DEVICE_PERMISSION
      devicePermission: ${devicePermission}
      legalBasis: CONSENT
      retentionDays: 30
      encryption: AT_REST_AND_IN_TRANSIT
      dataSubjects: [customers]
`;
