import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { sha256 } from '../bytes';

/** A key that is not an Ed25519 key of the expected kind, or not a key at all. */
export class EvidenceKeyError extends Error {
  override readonly name = 'EvidenceKeyError';
}

/** Canopy's Ed25519 signing key, with what verifiers need to know of it. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** hex SHA-256 of the public key's DER SPKI encoding. */
  readonly keyId: string;
}

/** An Ed25519 public key and its id. */
export interface VerifyingKey {
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).toString('hex');
}

function assertEd25519(key: KeyObject, what: string): void {
  if (key.asymmetricKeyType !== 'ed25519') throw new EvidenceKeyError(`${what} is a ${key.asymmetricKeyType ?? key.type} key, not Ed25519`);
}

function signingKeyOf(privateKey: KeyObject): SigningKey {
  assertEd25519(privateKey, 'the signing key');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

export function generateSigningKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync('ed25519').privateKey);
}

/** Loads a PEM PKCS#8 Ed25519 private key (CANOPY_SIGNING_KEY_FILE, or the key kept in the database). */
export function loadSigningKey(privateKeyPem: string): SigningKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch (error) {
    throw new EvidenceKeyError(`not a PEM private key: ${(error as Error).message}`);
  }
  return signingKeyOf(key);
}

/** PEM PKCS#8, to store the key. */
export function exportPrivateKeyPem(key: SigningKey): string {
  return key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** PEM SPKI, as served at /.well-known/canopy-audit-key. */
export function exportPublicKeyPem(key: SigningKey | VerifyingKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** Loads a PEM SPKI Ed25519 public key, the form verifiers are given. */
export function loadPublicKey(publicKeyPem: string): VerifyingKey {
  // Node derives the public key from a private one; a verifier should never be handed the private key.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(publicKeyPem)) throw new EvidenceKeyError('expected a public key (PEM SPKI), got a private key');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch (error) {
    throw new EvidenceKeyError(`not a PEM public key: ${(error as Error).message}`);
  }
  assertEd25519(publicKey, 'the public key');
  return { publicKey, keyId: keyIdOf(publicKey) };
}

/** A verifying key, or the PEM SPKI text of one. */
export function asVerifyingKey(key: VerifyingKey | string): VerifyingKey {
  return typeof key === 'string' ? loadPublicKey(key) : key;
}
