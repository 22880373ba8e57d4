import type { Database } from '../../common/database';
import { mapPages, type PagedList } from '../../common/paged-list';
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

  /** What list(null, at) answers, a page at a time (oldest first): one statement a page. */
  listInPages(at: Date): PagedList<SharingArrangement> {
    const revisions = this.queries.revisionsAtInPages(at);
    return {
      count: () => revisions.count(),
      pages: (size) => mapPages(revisions.pages(size), ({ revision, origin }) => revisionToSharingArrangement(revision, origin, at)),
    };
  }

  /** Oldest first; `at` gives the arrangements that existed then, in the state they were in. */
  async list(status: string | null, at: Date | null): Promise<SharingArrangement[]> {
    if (!at) return (await this.queries.list(status)).map(toSharingArrangement);
    const all = await this.queries.revisionsAt({ all: true }, at);
    return all.map(({ revision, origin }) => revisionToSharingArrangement(revision, origin, at)).filter((a) => !status || a.status === status);
  }
}
