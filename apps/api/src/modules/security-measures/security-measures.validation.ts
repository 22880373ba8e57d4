import { badInput } from '../../common/errors';

export const MAX_SECURITY_MEASURES = 50;
export const MAX_MEASURE_LENGTH = 500;

/**
 * A service's security measures as given: each trimmed, none blank or longer
 * than 500 characters, at most 50; repeats fold (first one kept) and the
 * order is kept, since it is how the team chose to present them.
 */
export function normaliseMeasures(measures: readonly string[]): string[] {
  if (measures.length > MAX_SECURITY_MEASURES) {
    throw badInput(`A service may list at most ${MAX_SECURITY_MEASURES} security measures; got ${measures.length}.`, { argument: 'measures' });
  }
  const out: string[] = [];
  measures.forEach((raw, i) => {
    const measure = String(raw).trim().replace(/\s+/g, ' ');
    if (!measure) throw badInput(`measures[${i}] must not be blank.`, { argument: `measures[${i}]` });
    if (measure.length > MAX_MEASURE_LENGTH) {
      throw badInput(`measures[${i}] may have at most ${MAX_MEASURE_LENGTH} characters.`, { argument: `measures[${i}]` });
    }
    if (!out.includes(measure)) out.push(measure);
  });
  return out;
}
