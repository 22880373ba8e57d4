import { SCALES, UNLIMITED, fixedSubjectsOf, isOnScale, subjectShape, validateClauseSet, type ClauseError, type ClauseSetContext, type ClauseTopic, type PolicyScope } from '@canopy/domain';

/** One row of the draft editor, as the officer types it. */
export interface DraftClause {
  topic: ClauseTopic;
  subject: string;
  value: string;
  locked: boolean;
  text: string;
}

/** What the editor sends: trimmed, and locks only in the global policy. */
export function toClauseInputs(rows: readonly DraftClause[], scope: PolicyScope) {
  return rows.map((r) => ({
    topic: r.topic,
    subject: r.subject.trim(),
    value: r.value.trim(),
    locked: scope === 'GLOBAL' ? r.locked : false,
    ...(r.text.trim() ? { text: r.text.trim() } : {}),
  }));
}

/** Before the taxonomy has loaded, unknown keys are left to the server, which names them. */
const ANY_KEY: ClauseSetContext['taxonomy'] = { hasCategory: () => true, hasUse: () => true };

/** The value a numeric scale takes, in words: "whole number of days or UNLIMITED". */
export function numericValueHint(topic: ClauseTopic): string {
  return `${SCALES[topic].unit ?? 'number'}${isOnScale(topic, UNLIMITED) ? ` or ${UNLIMITED}` : ''}`;
}

function sentence(error: ClauseError, clause: ReturnType<typeof toClauseInputs>[number], firstIndexOf: (topic: string, subject: string) => number): string {
  const topic = clause.topic;
  const scale = SCALES[topic];
  switch (error.code) {
    case 'MALFORMED_SUBJECT': {
      if (!clause.subject) return 'Enter a subject.';
      const fixed = fixedSubjectsOf(topic);
      return fixed ? `The subject must be one of ${fixed.join(', ')}.` : `The subject should look like ${subjectShape(topic)}.`;
    }
    case 'UNKNOWN_CATEGORY':
      return `“${error.offending}” is not a data category of the taxonomy.`;
    case 'UNKNOWN_USE':
      return `“${error.offending}” is not a data use of the taxonomy.`;
    case 'VALUE_OFF_SCALE':
      if (!clause.value) return 'Choose a value.';
      return scale.kind === 'numeric' ? `Enter a whole number of ${numericValueHint(topic)}.` : `Choose one of ${scale.values.join(', ')}.`;
    case 'DUPLICATE_SUBJECT':
      return `Duplicate of clause ${firstIndexOf(topic, clause.subject) + 1}: one clause per topic and subject.`;
    case 'AMENDMENT_IN_SERVICE_POLICY':
      return `${topic} clauses belong to the global policy only.`;
    case 'LOCKED_IN_SERVICE_POLICY':
      return 'Only global clauses can be locked.';
    case 'UNKNOWN_TOPIC':
      return 'Choose a topic.';
  }
}

/**
 * The domain's checks of a clause set (DESIGN.md section 1) on what the
 * editor would send, in words, by row: values on their scale, well-formed
 * subjects, keys of the taxonomy, no duplicate (topic, subject), AMENDMENT
 * only in the global policy.
 */
export function draftProblems(rows: readonly DraftClause[], scope: PolicyScope, taxonomy: ClauseSetContext['taxonomy'] | null): Map<number, string[]> {
  const clauses = toClauseInputs(rows, scope);
  const firstIndexOf = (topic: string, subject: string) => clauses.findIndex((c) => c.topic === topic && c.subject === subject);
  const problems = new Map<number, string[]>();
  for (const error of validateClauseSet(clauses, { scope, taxonomy: taxonomy ?? ANY_KEY })) {
    problems.set(error.index, [...(problems.get(error.index) ?? []), sentence(error, clauses[error.index], firstIndexOf)]);
  }
  return problems;
}
