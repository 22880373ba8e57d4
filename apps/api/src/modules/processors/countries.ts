/** The country lists live in the pure domain (the console and the transfer rules read them too). */
export { EEA_COUNTRY_CODES, ISO_COUNTRY_CODES, isCountryCode } from '@canopy/domain';
