import { screen, within } from '@testing-library/react';
import { AuditPage } from './AuditPage';
import { AuditEventsQuery } from './AuditEventList';
import { AuditTreeHeadQuery, ConsistencyProofQuery as ConsistencyProof, InclusionProofQuery as InclusionProof } from './audit-proofs';
import { AUDIT_ENTITY_TYPES } from './audit-entities';
import { auditor, renderPage } from '../../testing/render';
import { allowTypingTime } from '../../testing/fixtures';

allowTypingTime();

/**
 * A log of 8 events whose hashes are SHA-256("event 1") ... ("event 8"); the
 * roots and proofs were computed by libs/evidence's Node verifier side
 * (MemorySubtreeStore), so the browser checks here are held to it.
 */
const LOG = {
  events: [
    'fb378474af5953bec611fcb2602c5b61271c1f233b60c0adba76d5d6f47a50c4',
    '7f1ee17eb6d4b1815c8c0580dfb7ca0d3d5c3cde523da817ef7d3b1e96f6d5b8',
    '6c5cd6775eb412207f7f71f11f09047f1475b2b7526063195b777a230fe4c2a6',
  ],
  root5: '233efd42121cf4fdf0d0f77d7c1466666be4fa082df47a412c28ced6657c9f7e',
  root8: '7a5b57842f156764aa35ae1544a4072c44f4cd06c0027f92c56b77c6d8c47318',
  proof5to8: [
    'f0a9582f38fff587292f3850ce5bfb145ef0c7a3ff1cfd928aa7e671b2292657',
    '28c0ce2299f78d3ec201a3dbe2e2cad2a1fde42c3f3969c8c93191d9d35eb589',
    'e1f3b7b9abf84e5d9014f5071c39be6ed0b37f32c1af7a21f3a9fbe370e90c7e',
    '655c43b77bf1352785236eb2848a84e4187ef39af7eaf0df031dffaed9714a00',
  ],
  incl3in8: [
    '5a303f540cf9422b15446a945c7c78d27242002e9974b99f6cc3934ba71a64e6',
    '7d1c85e2c580f8311ac22ca0d3f5294d38e6c0331b2cadbdcdff6e18cc11c16b',
    'cb52888ead1f009eb5203cede5f77f39cd55fb91c8c8f7fc1683c9fd985e22ce',
  ],
};

const event = (seq: number, entityType: string, entityId: string) => ({
  __typename: 'AuditEvent',
  seq,
  at: `2026-11-0${seq}T10:00:00.000Z`,
  action: `${entityType}.updated`,
  entityType,
  entityId,
  before: null,
  after: { name: entityId },
  hash: 'ab'.repeat(32),
  actor: null,
});
const eventsMock = (newestFirst: boolean, seqs: number[]) => ({
  request: { query: AuditEventsQuery, variables: { filter: {}, first: 50, after: null, newestFirst } },
  result: {
    data: {
      auditEvents: {
        __typename: 'AuditEventConnection',
        totalCount: seqs.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: seqs.map((seq) => ({ __typename: 'AuditEventEdge', cursor: `c${seq}`, node: event(seq, seq === 1 ? 'service' : 'setting', seq === 1 ? 'maps' : 'home-region') })),
      },
    },
  },
});
const headMock = (treeSize: number, rootHash: string) => ({
  request: { query: AuditTreeHeadQuery },
  result: { data: { auditTreeHead: { __typename: 'SignedTreeHead', treeSize, rootHash, timestamp: '2026-12-01T02:00:00.000Z', keyId: 'cd'.repeat(32), signature: 'c2ln' } } },
});
const proofMock = (hashes: string[]) => ({
  request: { query: ConsistencyProof, variables: { fromSize: 5, toSize: 8 } },
  result: { data: { auditConsistencyProof: { __typename: 'MerkleProof', hashes } } },
});
const inclusionMock = { request: { query: InclusionProof, variables: { seq: 3, treeSize: 8 } }, result: { data: { auditInclusionProof: { __typename: 'MerkleProof', hashes: LOG.incl3in8 } } } };

const render = (mocks: object[], path = '/audit') => renderPage(<AuditPage />, { viewer: auditor, path, route: '/audit', mocks: mocks as never });
const seqColumn = () =>
  within(screen.getByRole('table', { name: /events/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent);

describe('AuditPage', () => {
  it('should list newest first by default, and oldest first after the toggle', async () => {
    const { user } = render([eventsMock(true, [2, 1]), eventsMock(false, [1, 2])]);
    expect(await screen.findByRole('table', { name: '2 events, newest first' })).toBeInTheDocument();
    expect(seqColumn()).toEqual(['2', '1']);
    await user.click(screen.getByRole('radio', { name: 'Oldest first' }));
    expect(await screen.findByRole('table', { name: '2 events, oldest first' })).toBeInTheDocument();
    expect(seqColumn()).toEqual(['1', '2']);
  });

  it('should link an entity id to its page, and offer the known entity types as the filter', async () => {
    const { user } = render([eventsMock(true, [2, 1])]);
    const link = await screen.findByRole('link', { name: 'Open service maps' });
    expect(link).toHaveAttribute('href', '/services/maps');
    // A setting has no page: its id is plain text.
    expect(screen.queryByRole('link', { name: /home-region/ })).toBeNull();
    await user.click(screen.getByRole('combobox', { name: 'Entity type' }));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual([...AUDIT_ENTITY_TYPES]);
    expect(options).toEqual(expect.arrayContaining(['service', 'processor', 'policy', 'conflict', 'sharing']));
  });

  it('should verify a pasted signed tree head against the current one with the consistency proof', async () => {
    const recorded = JSON.stringify({ treeSize: 5, rootHash: LOG.root5, timestamp: '2026-11-30T10:00:00.000Z', keyId: 'cd'.repeat(32), signature: 'c2ln' });
    const { user } = render([eventsMock(true, []), headMock(8, LOG.root8), proofMock(LOG.proof5to8)]);
    const form = await screen.findByRole('form', { name: 'A signed tree head recorded earlier' });
    await user.click(within(form).getByRole('textbox'));
    await user.paste(recorded);
    await user.click(within(form).getByRole('button', { name: 'Verify consistency' }));
    expect(await within(form).findByText(/Verified in this browser: the log of 8 events extends the recorded head of 5 events \(a proof of 4 hashes\)/)).toBeInTheDocument();
  });

  it('should refuse a consistency proof that does not lead to the current root', async () => {
    const forged = [...LOG.proof5to8.slice(0, 3), '00'.repeat(32)];
    const recorded = JSON.stringify({ treeSize: 5, rootHash: LOG.root5 });
    const { user } = render([eventsMock(true, []), headMock(8, LOG.root8), proofMock(forged)]);
    const form = await screen.findByRole('form', { name: 'A signed tree head recorded earlier' });
    await user.click(within(form).getByRole('textbox'));
    await user.paste(recorded);
    await user.click(within(form).getByRole('button', { name: 'Verify consistency' }));
    expect(await within(form).findByText('The log does not extend the recorded head')).toBeInTheDocument();
  });

  it('should say a pasted text is not a tree head', async () => {
    const { user } = render([eventsMock(true, [])]);
    const form = await screen.findByRole('form', { name: 'A signed tree head recorded earlier' });
    await user.type(within(form).getByRole('textbox'), 'hello');
    await user.click(within(form).getByRole('button', { name: 'Verify consistency' }));
    expect(within(form).getByText(/This is not a tree head/)).toBeInTheDocument();
  });

  it.each([
    ['still extends', LOG.events[2], 'The log still extends the recorded head: event 3 keeps the recorded hash in the current log of 8 events.'],
    ['no longer extends', LOG.events[1], 'The log no longer extends the recorded head: event 3 does not have the recorded hash in the current log of 8 events.'],
  ])('should say whether the log %s a pasted chain head', async (_, hash, message) => {
    const { user } = render([eventsMock(true, []), headMock(8, LOG.root8), inclusionMock]);
    const form = await screen.findByRole('form', { name: 'A chain head recorded earlier' });
    await user.click(within(form).getByRole('textbox'));
    await user.paste(JSON.stringify({ seq: 3, hash }));
    await user.click(within(form).getByRole('button', { name: 'Check the recorded head' }));
    expect(await within(form).findByText(message)).toBeInTheDocument();
  });
});
