// The browser tests share one server and its demo data, and some change it
// (a conflict gets resolved, an arrangement approved): they run one at a time
// in this order, read-only ones first.
const ORDER = [
  'signin',
  'screens',
  'data-map',
  'auditor',
  'engineer-permissions',
  'conflict-resolution',
  'sharing-approval',
  'engineer-journey',
  'sharing-journey',
  'auditor-exports',
  'admin-journey',
  'new-pages',
  // Leaves a draft of the global policy with an issued notice.
  'notices-journey',
  // Reads that draft's publish advice; records and checks audit log heads.
  'audit-advice',
  // Registers a service of its own and resolves its conflict.
  'time-travel',
];
const rank = (test) => {
  const i = ORDER.findIndex((name) => test.path.endsWith(`${name}.e2e-spec.ts`));
  return i < 0 ? ORDER.length : i;
};

class E2eSequencer {
  shard(tests) {
    return tests;
  }

  sort(tests) {
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
  }

  cacheResults() {}
}

module.exports = E2eSequencer;
