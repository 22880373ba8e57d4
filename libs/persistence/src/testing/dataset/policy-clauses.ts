import { COMMUNICATION_SCALE, ENCRYPTION_SCALE, PERMISSION_SCALE, PolicyClause, RIGHT_SCALE, UNLIMITED } from '@canopy/domain';
import type { Random } from './random';

type Row = [topic: PolicyClause['topic'], subject: string, value: string, locked?: boolean];

/**
 * The organisation-wide policy the dataset publishes as its current global
 * version: 81 clauses over every topic, modelled on
 * reference/general-privacy-policy.txt. A few clauses are locked (minors,
 * biometrics, deletion), so service policies may not weaken them.
 */
const GLOBAL_ROWS: Row[] = [
  // COLLECTION: 16
  ['COLLECTION', 'user', 'ALLOWED'],
  ['COLLECTION', 'user.account', 'ALLOWED'],
  ['COLLECTION', 'user.contact', 'ALLOWED'],
  ['COLLECTION', 'user.contact.email', 'ALLOWED'],
  ['COLLECTION', 'user.contact.phone', 'CONSENT'],
  ['COLLECTION', 'user.content', 'ALLOWED'],
  ['COLLECTION', 'user.content.image', 'ALLOWED'],
  ['COLLECTION', 'user.content.video', 'ALLOWED'],
  ['COLLECTION', 'user.biometric', 'CONSENT', true],
  ['COLLECTION', 'user.minor', 'CONSENT', true],
  ['COLLECTION', 'device', 'ALLOWED'],
  ['COLLECTION', 'device.log', 'ALLOWED'],
  ['COLLECTION', 'device.identifier', 'CONSENT'],
  ['COLLECTION', 'device.location', 'CONSENT'],
  ['COLLECTION', 'device.camera', 'CONSENT'],
  ['COLLECTION', 'device.microphone', 'CONSENT'],
  // USE: 21
  ['USE', '*:service.provide', 'ALLOWED'],
  ['USE', '*:service.improve', 'ALLOWED'],
  ['USE', '*:personalize', 'CONSENT'],
  ['USE', '*:cross_service', 'CONSENT'],
  ['USE', '*:marketing', 'CONSENT'],
  ['USE', '*:security', 'ALLOWED'],
  ['USE', '*:legal', 'ALLOWED'],
  ['USE', '*:announcement', 'ALLOWED'],
  ['USE', 'user.contact.email:marketing.email', 'CONSENT'],
  ['USE', 'user.contact.phone:marketing', 'CONSENT'],
  ['USE', 'device.location:personalize', 'CONSENT'],
  ['USE', 'device.location:marketing', 'PROHIBITED'],
  ['USE', 'user.biometric:personalize', 'PROHIBITED', true],
  ['USE', 'user.biometric:marketing', 'PROHIBITED', true],
  ['USE', 'user.minor:marketing', 'PROHIBITED', true],
  ['USE', 'user.minor:personalize', 'PROHIBITED'],
  ['USE', 'device.log:service.improve', 'ALLOWED'],
  ['USE', 'device.identifier:marketing', 'CONSENT'],
  ['USE', 'device.camera:service.provide', 'CONSENT'],
  ['USE', 'device.microphone:service.provide', 'CONSENT'],
  ['USE', 'user.content:cross_service', 'CONSENT'],
  // SHARING: 18
  ['SHARING', '*:third_party', 'CONSENT'],
  ['SHARING', '*:affiliate', 'CONSENT'],
  ['SHARING', '*:public', 'PROHIBITED'],
  ['SHARING', 'user.content.image:public', 'CONSENT'],
  ['SHARING', 'user.content.video:public', 'CONSENT'],
  ['SHARING', 'device.log:third_party', 'ALLOWED'],
  ['SHARING', 'device.log:affiliate', 'ALLOWED'],
  ['SHARING', 'device.location:third_party', 'PROHIBITED'],
  ['SHARING', 'user.biometric:third_party', 'PROHIBITED', true],
  ['SHARING', 'user.minor:third_party', 'PROHIBITED', true],
  ['SHARING', 'device.camera:third_party', 'PROHIBITED'],
  ['SHARING', 'device.microphone:third_party', 'PROHIBITED'],
  ['SHARING', 'user.contact.email:third_party', 'CONSENT'],
  ['SHARING', 'user.account:affiliate', 'ALLOWED'],
  ['SHARING', 'device.identifier:third_party', 'CONSENT'],
  ['SHARING', 'user.biometric:public', 'PROHIBITED', true],
  ['SHARING', 'user.minor:public', 'PROHIBITED', true],
  ['SHARING', 'device.location:public', 'PROHIBITED'],
  // RETENTION: 10
  ['RETENTION', '*', '730'],
  ['RETENTION', 'user.contact', '1095'],
  ['RETENTION', 'user.content', '1825'],
  ['RETENTION', 'user.biometric', '30', true],
  ['RETENTION', 'user.minor', '365'],
  ['RETENTION', 'device.log', '90'],
  ['RETENTION', 'device.identifier', '180'],
  ['RETENTION', 'device.location', '30'],
  ['RETENTION', 'device.camera', '7'],
  ['RETENTION', 'device.microphone', '7'],
  // ENCRYPTION: 6
  ['ENCRYPTION', '*', 'IN_TRANSIT'],
  ['ENCRYPTION', 'user.account', 'AT_REST_AND_IN_TRANSIT'],
  ['ENCRYPTION', 'user.contact', 'AT_REST_AND_IN_TRANSIT'],
  ['ENCRYPTION', 'user.biometric', 'AT_REST_AND_IN_TRANSIT', true],
  ['ENCRYPTION', 'user.minor', 'AT_REST_AND_IN_TRANSIT'],
  ['ENCRYPTION', 'device.location', 'AT_REST_AND_IN_TRANSIT'],
  // RIGHT: 5
  ['RIGHT', 'ACCESS', 'GRANTED'],
  ['RIGHT', 'CORRECT', 'GRANTED'],
  ['RIGHT', 'DELETE', 'GRANTED', true],
  ['RIGHT', 'EXPORT', 'GRANTED'],
  ['RIGHT', 'UNSUBSCRIBE', 'GRANTED'],
  // COMMUNICATION: 3
  ['COMMUNICATION', 'marketing.email', 'OPT_IN'],
  ['COMMUNICATION', 'marketing.push', 'OPT_IN'],
  ['COMMUNICATION', 'announcement', 'MANDATORY'],
  // MINORS, AMENDMENT: 2
  ['MINORS', 'guardian_consent_age', '16', true],
  ['AMENDMENT', 'notice_days', '30'],
];

/** What the previous global version said where it differs (it was less protective: v2 is no material reduction). */
const GLOBAL_V1_DIFFERENCES: Record<string, string | null> = {
  'RETENTION device.log': '180',
  'COMMUNICATION marketing.push': 'OPT_OUT',
  'SHARING device.location:public': null,
  'RETENTION device.camera': '30',
  'USE user.minor:personalize': 'CONSENT',
};

const toClause = ([topic, subject, value, locked]: Row): PolicyClause => ({ topic, subject, value, locked: Boolean(locked), text: null });

export function globalClauses(version: 1 | 2): PolicyClause[] {
  const clauses = GLOBAL_ROWS.map(toClause);
  if (version === 2) return clauses;
  return clauses.flatMap((c) => {
    const key = `${c.topic} ${c.subject}`;
    if (!(key in GLOBAL_V1_DIFFERENCES)) return [c];
    const value = GLOBAL_V1_DIFFERENCES[key];
    return value === null ? [] : [{ ...c, value }];
  });
}

const ORDINAL: Partial<Record<PolicyClause['topic'], readonly string[]>> = {
  COLLECTION: PERMISSION_SCALE,
  USE: PERMISSION_SCALE,
  SHARING: PERMISSION_SCALE,
  ENCRYPTION: ENCRYPTION_SCALE,
  RIGHT: RIGHT_SCALE,
  COMMUNICATION: COMMUNICATION_SCALE,
};

/** The value one step stricter (+1 = weaker) on the clause's scale, or null at the end of it. */
export function shift(topic: PolicyClause['topic'], value: string, direction: -1 | 1): string | null {
  const scale = ORDINAL[topic];
  if (scale) {
    const next = scale.indexOf(value) + direction;
    return next >= 0 && next < scale.length ? scale[next] : null;
  }
  if (topic === 'RETENTION') {
    if (value === UNLIMITED) return direction < 0 ? '3650' : null;
    const days = Number(value);
    if (direction < 0) return days > 1 ? String(Math.max(1, Math.floor(days / 2))) : null;
    return days >= 1825 ? UNLIMITED : String(days * 2);
  }
  if (topic === 'MINORS') {
    const years = Number(value);
    return direction < 0 ? String(years + 2) : years > 13 ? String(years - 2) : null;
  }
  return null;
}

/** A child subject of a wildcard or parent clause, so service policies also name more specific subjects. */
const NARROWER: Record<string, string[]> = {
  '*:third_party': ['user.account:third_party', 'user.content:third_party', 'device.identifier:third_party'],
  '*:marketing': ['user.contact.email:marketing', 'device.identifier:marketing.push'],
  '*:personalize': ['user.content:personalize', 'device.log:personalize'],
  '*': ['user.account', 'user.content.image', 'device.log'],
};

/**
 * One service policy version's clauses: 4 to 10 clauses taken from the global
 * ones, most of them equal or stricter; `weaker` of them one step weaker
 * (never a locked one), which the publish turns into conflicts.
 */
export function serviceClauses(random: Random, weaker: number): PolicyClause[] {
  const global = globalClauses(2).filter((c) => c.topic !== 'AMENDMENT');
  const count = random.int(4, 10);
  const chosen = random.sample(global, count + weaker);
  const out = new Map<string, PolicyClause>();
  let weakened = 0;
  for (const g of chosen) {
    let subject = g.subject;
    if (NARROWER[subject] && random.chance(0.4)) subject = random.pick(NARROWER[subject]);
    let value = g.value;
    if (weakened < weaker && !g.locked) {
      const w = shift(g.topic, g.value, 1);
      if (w) {
        value = w;
        weakened++;
      }
    } else if (random.chance(0.6)) {
      value = shift(g.topic, g.value, -1) ?? g.value;
    }
    const key = `${g.topic} ${subject}`;
    if (!out.has(key)) out.set(key, { topic: g.topic, subject, value, locked: false, text: null });
  }
  return [...out.values()];
}
