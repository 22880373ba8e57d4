export * from './mechanisms';
export * from './adequacy-register';
export * from './adequacy-seed';
export * from './transfer-facts';
export * from './tia-fingerprint';
export * from './transfer-assessment';
