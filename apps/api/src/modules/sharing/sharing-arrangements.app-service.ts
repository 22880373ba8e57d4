import type { Database } from '../../common/database';
import { revisionToSharingArrangement, toSharingArrangement } from './sharing.mappers';
import { ArrangementQueries } from './sharing.queries';
import type { SharingArrangement } from './sharing.types';
import { isArrangementId } from './sharing.validation';

/** Reading arrangements, now or as of an instant (from their revisions). Every signed-in role may read. */
export class SharingArrangements {
  private readonly queries: ArrangementQueries;

  constructor(db: Database) {
    this.queries = new ArrangementQueries(db.manager);
  }

  async byId(id: string, at: Date | null): Promise<SharingArrangement | null> {
    if (!isArrangementId(id)) return null;
    const key = id.toLowerCase();
    if (at) {
      const [found] = await this.queries.revisionsAt({ arrangementIds: [key] }, at);
      return found ? revisionToSharingArrangement(found.revision, found.origin, at) : null;
    }
    const [row] = await this.queries.byIds([key]);
    return row ? toSharingArrangement(row) : null;
  }

  /** How many arrangements `list` reads at most (every one, with `at`): one COUNT. */
  count(status: string | null, at: Date | null): Promise<number> {
    return this.queries.count(at ? null : status);
  }

  /** Oldest first; `at` gives the arrangements that existed then, in the state they were in. */
  async list(status: string | null, at: Date | null): Promise<SharingArrangement[]> {
    if (!at) return (await this.queries.list(status)).map(toSharingArrangement);
    const all = await this.queries.revisionsAt({ all: true }, at);
    return all.map(({ revision, origin }) => revisionToSharingArrangement(revision, origin, at)).filter((a) => !status || a.status === status);
  }
}
