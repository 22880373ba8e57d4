// jsdom lacks TextEncoder/TextDecoder, which react-router needs when it loads.
import { TextDecoder, TextEncoder } from 'node:util';
// jsdom lacks crypto.subtle too, which the audit page's proof checks use (Node's is the same WebCrypto).
import { webcrypto } from 'node:crypto';

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
