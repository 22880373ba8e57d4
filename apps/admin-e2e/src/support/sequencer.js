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
// After every other spec, those not in ORDER included: turns assessment
// enforcement on, which changes what the sharing checks and findings say.
const LAST = ['assessments'];
const rank = (test) => {
  const named = (name) => test.path.endsWith(`${name}.e2e-spec.ts`);
  const last = LAST.findIndex(named);
  if (last >= 0) return ORDER.length + 1 + last;
  const i = ORDER.findIndex(named);
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
