import type { Database } from '../../common/database';
import { toSharingArrangement, revisionToSharingArrangement } from './sharing.mappers';
import { SharingReads } from './sharing.store';
import type { SharingArrangement } from './sharing.types';
import { isArrangementId } from './sharing.validation';

/** Reading arrangements, now or as of an instant (from their revisions). Every signed-in role may read. */
export class SharingQueries {
  private readonly reads: SharingReads;

  constructor(db: Database) {
    this.reads = new SharingReads(db.manager);
  }

  async byId(id: string, at: Date | null): Promise<SharingArrangement | null> {
    if (!isArrangementId(id)) return null;
    const key = id.toLowerCase();
    if (at) {
      const [found] = await this.reads.revisionsAt({ arrangementIds: [key] }, at);
      return found ? revisionToSharingArrangement(found.revision, found.origin, at) : null;
    }
    const [row] = await this.reads.byIds([key]);
    return row ? toSharingArrangement(row) : null;
  }

  /** Oldest first; `at` gives the arrangements that existed then, in the state they were in. */
  async list(status: string | null, at: Date | null): Promise<SharingArrangement[]> {
    if (!at) return (await this.reads.list(status)).map(toSharingArrangement);
    const all = await this.reads.revisionsAt({ all: true }, at);
    return all.map(({ revision, origin }) => revisionToSharingArrangement(revision, origin, at)).filter((a) => !status || a.status === status);
  }
}
