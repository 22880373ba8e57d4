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

/** The processor tiles (US by default, under standard contractual clauses), as an officer declares it. */
export const tilesProcessor = (country = 'US') => `apiVersion: canopy/v1
kind: Processor
metadata: { key: tiles, name: Tiles Inc. }
spec:
  country: ${country}
  contactEmail: privacy@tiles.example
  dpaSignedAt: 2026-01-01
  transferMechanism: STANDARD_CONTRACTUAL_CLAUSES
`;
