import { measuredAt } from './measured-at';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Severity as DomainSeverity } from '@canopy/domain';
import { badInput, notFound } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';
import type { FindingsContext } from './findings.context';
import type { FindingPlace } from './findings-pager.app-service';
import { FindingFilter } from './finding.inputs';
import { findingMapper } from './finding.mappers';
import { FindingConnection } from './finding.types';

/** The most findings one page holds (the contract's `first <= 1000`). */
export const MAX_FINDINGS_PAGE = 1000;

/** An `at` this close behind the request's clock means now: a client's "now" reaches the server a little late. */

@Resolver(() => FindingConnection)
export class FindingConnectionResolver {
  @Authorized()
  @Query(() => FindingConnection, {
    description:
      "By service key, then most severe first; first <= 1000; memory bounded whatever the organisation's size. `at`: now (default), a future instant (today's facts), or a past one (services, inventories, policies, arrangements and processors as they were then).",
  })
  async findingsConnection(
    @Ctx() ctx: FindingsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 500 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => FindingFilter, { nullable: true }) filter: FindingFilter | null,
    @Arg('at', () => Date, { nullable: true }) at: Date | null,
  ): Promise<FindingConnection> {
    const limit = pageSize(first ?? 500, MAX_FINDINGS_PAGE);
    const place = after == null ? null : findingPlace(after);
    const { instant, past } = measuredAt(at, ctx.loaders.now);
    let only = null;
    if (filter?.serviceKey != null) {
      only = await ctx.loaders.serviceByKey.load(filter.serviceKey);
      if (!only) throw notFound('Service', filter.serviceKey);
    }
    const criteria = { minSeverity: filter?.minSeverity as DomainSeverity | null | undefined, rule: filter?.rule, accepted: filter?.accepted };
    const organisation = await ctx.loaders.organisationFacts();
    const { found, more } = await ctx.app.findingsPager.page(limit, place, only, criteria, instant, organisation, past);
    const toFinding = findingMapper();
    const edges = found.map(({ key, index, finding }) => ({ cursor: encodeCursor({ s: key, i: index }), node: toFinding(finding) }));
    return Object.assign(new FindingConnection(), {
      edges,
      pageInfo: { hasNextPage: more, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
      counting: () => ctx.app.findingsPager.count(only, criteria, instant, organisation, past),
    });
  }

  @FieldResolver(() => Int, { description: 'every finding the filter selects, counted a chunk of services at a time' })
  totalCount(@Root() connection: FindingConnection): Promise<number> {
    return connection.counting();
  }
}

function findingPlace(cursor: string): FindingPlace {
  const { s, i } = decodeCursor<{ s: string; i: number }>(cursor, ['s', 'i']);
  if (typeof s !== 'string' || !Number.isInteger(i) || i < 0) throw badInput('after is not a cursor this API issued.', { argument: 'after' });
  return { key: s, index: i };
}

