import type { Plan } from '../../apply/plan';
import { documentOrigin } from '../../manifest/load';
import { wantsProgress } from '../apply';

const plan = (steps: number): Plan => ({
  entries: [{ object: 'service', name: 'maps', action: steps ? 'update' : 'unchanged', changes: [], steps: steps ? [{ op: 'setSecurityMeasures', serviceKey: 'maps', measures: [] }] : [], file: 'a.yaml', document: 1, origin: documentOrigin('a.yaml', 1, () => undefined) }],
});

describe('wantsProgress', () => {
  const tty = { write: () => true, isTTY: true, columns: 120 };

  it('should show a spinner for a multi-document apply with changes on a terminal', () => {
    expect(wantsProgress(tty, false, 2, plan(1))).toBe(true);
  });

  it.each([
    ['stdout is not a terminal', { ...tty, isTTY: false }, false, 2, 1],
    ['the terminal reports no width', { ...tty, columns: 0 }, false, 2, 1],
    ['--output json', tty, true, 2, 1],
    ['a single document', tty, false, 1, 1],
    ['nothing to change', tty, false, 2, 0],
  ])('should show none when %s', (_why, stdout, json, documents, steps) => {
    expect(wantsProgress(stdout, json as boolean, documents as number, plan(steps as number))).toBe(false);
  });
});
