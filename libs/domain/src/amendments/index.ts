export * from './diff-clauses';
export * from './concrete-subjects';
export * from './material-reduction';
export * from './notice';
