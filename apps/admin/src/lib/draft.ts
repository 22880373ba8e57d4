import { SCALES, valueProblem, type ClauseTopic } from './scales';

/** One row of the draft editor, as the officer types it. */
export interface DraftClause {
  topic: ClauseTopic;
  subject: string;
  value: string;
  locked: boolean;
  text: string;
}

const SUBJECT_PATTERNS: Partial<Record<ClauseTopic, RegExp>> = {
  COLLECTION: /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)$/,
  RETENTION: /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)$/,
  ENCRYPTION: /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)$/,
  USE: /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*):(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)$/,
  SHARING: /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*):(\*|third_party|affiliate|public)$/,
};

/**
 * The checks the API makes on a clause set that the console can make first
 * (DESIGN.md section 1): values on their scale, well-formed subjects, no
 * duplicate (topic, subject), AMENDMENT only in the GLOBAL policy. Unknown
 * taxonomy keys are left to the server, which names them.
 */
export function draftProblems(rows: readonly DraftClause[], scope: 'GLOBAL' | 'SERVICE'): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const add = (i: number, message: string) => problems.set(i, [...(problems.get(i) ?? []), message]);
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const scale = SCALES[row.topic];
    const subject = row.subject.trim();
    if (scale.globalOnly && scope === 'SERVICE') add(i, `${row.topic} clauses belong to the global policy only.`);
    if (!subject) add(i, 'Enter a subject.');
    else if (scale.subjects && !scale.subjects.includes(subject)) add(i, `The subject must be one of ${scale.subjects.join(', ')}.`);
    else if (SUBJECT_PATTERNS[row.topic] && !SUBJECT_PATTERNS[row.topic]!.test(subject)) add(i, `The subject should look like: ${scale.subjectHelp}.`);
    const valueIssue = valueProblem(row.topic, row.value.trim());
    if (valueIssue) add(i, valueIssue);
    if (row.locked && scope === 'SERVICE') add(i, 'Only global clauses can be locked.');
    const id = `${row.topic}|${subject}`;
    if (subject && seen.has(id)) add(i, `Duplicate of clause ${seen.get(id)! + 1}: one clause per topic and subject.`);
    else seen.set(id, i);
  });
  return problems;
}

export function toClauseInputs(rows: readonly DraftClause[], scope: 'GLOBAL' | 'SERVICE') {
  return rows.map((r) => ({
    topic: r.topic,
    subject: r.subject.trim(),
    value: r.value.trim(),
    locked: scope === 'GLOBAL' ? r.locked : false,
    ...(r.text.trim() ? { text: r.text.trim() } : {}),
  }));
}
