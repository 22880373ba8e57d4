/** The security-measures feature's face to the other features: reading a service's measures as of an instant. */
export type { SecurityMeasuresReader } from './security-measures.app-service';
export { createSecurityMeasureLoaders, type SecurityMeasureLoaders } from './security-measures.loaders';
export type { SecurityMeasuresContext } from './security-measures.context';
