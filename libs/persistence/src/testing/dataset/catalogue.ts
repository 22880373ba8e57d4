import { ClauseIndex } from '@canopy/domain';
import { globalClauses } from './policy-clauses';

/** The vocabularies the generator draws names, countries and categories from. */
export const DOMAINS = ['checkout', 'billing', 'search', 'maps', 'photos', 'video', 'chat', 'mail', 'calendar', 'ads', 'identity', 'support', 'music', 'news', 'store', 'fitness', 'travel', 'weather', 'notes', 'drive'];
export const KINDS = ['api', 'worker', 'gateway', 'sync', 'indexer', 'ranker', 'web', 'mobile', 'pipeline', 'export', 'notifier', 'scheduler'];
export const COUNTRIES = ['DE', 'FR', 'IE', 'NL', 'SE', 'US', 'GB', 'CH', 'JP', 'CA', 'ES', 'IT', 'PL', 'IN', 'SG'];
export const CERTIFICATIONS = ['ISO 27001', 'SOC 2 Type II', 'ISO 27701', 'CSA STAR', 'PCI DSS'];
export const PROCESSOR_KINDS = ['analytics', 'mailer', 'cdn', 'payments', 'crm', 'hosting', 'support-desk', 'translation', 'monitoring', 'ads'];

/** Leaf categories an inventory lists, with how likely a service holds each. */
export const CATEGORY_WEIGHTS: [string, number][] = [
  ['device.log', 0.95],
  ['user.account', 0.9],
  ['user.contact.email', 0.85],
  ['device.identifier', 0.6],
  ['user.contact.phone', 0.5],
  ['user.content.image', 0.35],
  ['device.location', 0.35],
  ['user.content.video', 0.2],
  ['device.camera', 0.15],
  ['device.microphone', 0.1],
  ['user.biometric', 0.05],
  ['user.minor', 0.05],
];
export const CONCRETE_LEAVES = CATEGORY_WEIGHTS.map(([c]) => c);
export const PURPOSES = ['service.provide', 'service.improve', 'personalize', 'marketing.email', 'marketing.push', 'security', 'legal', 'cross_service', 'announcement'];
export const PERMISSIONS: Record<string, string> = { 'device.location': 'LOCATION', 'device.camera': 'CAMERA', 'device.microphone': 'MICROPHONE' };
export const RETENTIONS = [7, 30, 90, 180, 365, 730, 1825];
export const ENCRYPTION_RANK = ['NONE', 'IN_TRANSIT', 'AT_REST_AND_IN_TRANSIT'];
export const RATIONALES = ['The contract with the customer requires it.', 'Reviewed with legal: acceptable for this product.', 'The global rule applies; the team agreed.', 'Temporary until the migration completes.'];

/** The current global policy, which inventories and arrangements mostly follow. */
export const GLOBAL_INDEX = new ClauseIndex(globalClauses(2));
