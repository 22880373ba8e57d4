import type { Database } from '../../common/database';
import { revisionToAssessment, toAssessment } from './assessment.mappers';
import { AssessmentQueries } from './assessment.queries';
import type { Assessment } from './assessment.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading assessments, now or as of an instant (from their revisions). Every signed-in role may read. */
export class AssessmentReader {
  private readonly queries: AssessmentQueries;

  constructor(db: Database) {
    this.queries = new AssessmentQueries(db.manager);
  }

  async byId(id: string, at: Date | null): Promise<Assessment | null> {
    if (!UUID.test(String(id))) return null;
    const key = String(id).toLowerCase();
    if (at) {
      const [found] = await this.queries.revisionsAt({ ids: [key] }, at);
      return found ? revisionToAssessment(found.revision, found.origin, at) : null;
    }
    const [row] = await this.queries.byIds([key]);
    return row ? toAssessment(row) : null;
  }

  /** How many assessments `list` reads at most: one COUNT. */
  count(kind: string | null): Promise<number> {
    return this.queries.count(kind);
  }

  /** Oldest first, of one kind or both; `at` gives those that existed then, as they stood. */
  async list(kind: string | null, at: Date | null): Promise<Assessment[]> {
    if (!at) return (await this.queries.ofServices('all', kind ?? undefined)).map(toAssessment);
    const all = await this.queries.revisionsAt({ all: true }, at);
    return all.map(({ revision, origin }) => revisionToAssessment(revision, origin, at)).filter((a) => !kind || a.kind === kind);
  }

  /** The assessments of a service as they stood at `at`. */
  async ofServiceAt(serviceId: string, at: Date): Promise<Assessment[]> {
    return (await this.queries.revisionsAt({ serviceIds: [serviceId] }, at)).map(({ revision, origin }) => revisionToAssessment(revision, origin, at));
  }
}
