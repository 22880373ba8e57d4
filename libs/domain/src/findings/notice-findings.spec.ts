import { Taxonomy } from '../taxonomy/taxonomy';
import { evaluateFindings } from './evaluate-findings';
import type { UndeliveredNoticeFacts } from './types';

const now = new Date('2026-12-01T00:00:00.000Z');
const failed = (over: Partial<UndeliveredNoticeFacts> = {}): UndeliveredNoticeFacts => ({
  noticeId: 'n1',
  recipient: 'privacy@maps.example',
  attempts: 5,
  lastError: '550 mailbox unavailable',
  ...over,
});
const run = (undeliveredNotices?: readonly UndeliveredNoticeFacts[]) =>
  evaluateFindings({
    service: { key: 'maps', servesMinors: false },
    inventory: [],
    effectiveClauses: [],
    arrangements: [],
    openConflictsInForce: [],
    taxonomy: Taxonomy.default(),
    now,
    undeliveredNotices,
  });

describe('NOTICE_UNDELIVERED', () => {
  it('should find nothing without failed notice deliveries', () => {
    expect(run()).toEqual([]);
    expect(run([])).toEqual([]);
  });

  it('should report a HIGH finding naming the notice, the recipient, the attempts and the last error', () => {
    expect(run([failed()])).toEqual([
      {
        rule: 'NOTICE_UNDELIVERED',
        severity: 'HIGH',
        dataCategory: null,
        message: 'notice n1 could not be e-mailed to privacy@maps.example after 5 attempts: 550 mailbox unavailable',
        clause: null,
      },
    ]);
  });

  it('should report each recipient once, and say so when no error was recorded', () => {
    const messages = run([failed(), failed(), failed({ recipient: 'dpo@maps.example', attempts: 1, lastError: null })]).map((f) => f.message);
    expect(messages).toEqual([
      'notice n1 could not be e-mailed to dpo@maps.example after 1 attempt',
      'notice n1 could not be e-mailed to privacy@maps.example after 5 attempts: 550 mailbox unavailable',
    ]);
  });
});
