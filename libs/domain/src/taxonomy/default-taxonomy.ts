import type { DataCategoryDefinition, DataUseDefinition } from './types';

/**
 * The taxonomy Canopy ships (DESIGN.md section 1). Every prefix of a key is a
 * key of its own. Sensitive: `device.location`, `device.camera`,
 * `device.microphone`, `user.biometric`, `user.minor`; their parents are not.
 */
export const DEFAULT_DATA_CATEGORIES: readonly DataCategoryDefinition[] = [
  { key: 'user', name: 'User data', description: 'Information about the user, provided by the user or derived from their account.', sensitive: false },
  { key: 'user.account', name: 'Account', description: 'Account registration data: user name, account identifiers, settings.', sensitive: false },
  { key: 'user.contact', name: 'Contact details', description: 'Information used to reach the user.', sensitive: false },
  { key: 'user.contact.email', name: 'E-mail address', description: 'The e-mail address given at registration or later.', sensitive: false },
  { key: 'user.contact.phone', name: 'Telephone number', description: 'The telephone number given at registration or later.', sensitive: false },
  { key: 'user.content', name: 'User content', description: 'Content the user creates or uploads.', sensitive: false },
  { key: 'user.content.image', name: 'Shared images', description: 'Images the user uploads and may choose to share.', sensitive: false },
  { key: 'user.content.video', name: 'Shared video', description: 'Video the user uploads and may choose to share.', sensitive: false },
  { key: 'user.biometric', name: 'Biometric data', description: 'Face, voice or fingerprint templates and other biometric identifiers.', sensitive: true },
  { key: 'user.minor', name: "Minors' data", description: 'Personal information of users under the age of guardian consent.', sensitive: true },
  { key: 'device', name: 'Device data', description: 'Information collected from or about the user’s device.', sensitive: false },
  { key: 'device.log', name: 'Log information', description: 'Usage logs, crash reports and performance data used to improve performance and stability.', sensitive: false },
  { key: 'device.identifier', name: 'Device identifiers', description: 'Hardware and advertising identifiers of the device.', sensitive: false },
  { key: 'device.location', name: 'Location', description: 'Precise or approximate location from the device’s location permission.', sensitive: true },
  { key: 'device.camera', name: 'Camera data', description: 'Data captured when the user turns on the camera, e.g. to scan a code.', sensitive: true },
  { key: 'device.microphone', name: 'Microphone data', description: 'Audio captured when the user turns on the microphone for voice services.', sensitive: true },
];

export const DEFAULT_DATA_USES: readonly DataUseDefinition[] = [
  { key: 'service', name: 'Service', description: 'Running the service the user asked for.' },
  { key: 'service.provide', name: 'Provide the service', description: 'Delivering the features the user requested.' },
  { key: 'service.improve', name: 'Improve the service', description: 'Improving performance and stability.' },
  { key: 'personalize', name: 'Personalisation', description: 'Tailoring content and features to the user.' },
  { key: 'cross_service', name: 'Use in another service', description: 'Using information gathered by one service in another of our services.' },
  { key: 'marketing', name: 'Marketing', description: 'Promotional communication.' },
  { key: 'marketing.email', name: 'Marketing e-mail', description: 'Promotional messages sent by e-mail.' },
  { key: 'marketing.push', name: 'Marketing push', description: 'Promotional push notifications.' },
  { key: 'announcement', name: 'Service announcements', description: 'Service-related announcements, e.g. maintenance notices; not promotional.' },
  { key: 'security', name: 'Security', description: 'Protecting users and the service against fraud and abuse.' },
  { key: 'legal', name: 'Legal obligations', description: 'Complying with the law and with requests from authorities.' },
];
