/** The country codes are the domain's (the console offers the same list). */
export { EEA_COUNTRY_CODES, ISO_COUNTRY_CODES, isCountryCode } from '@canopy/domain';
