import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { READERS_OF_AUDIT } from '../../auth/viewer';
import type { EvidenceContext } from './evidence.context';
import { MerkleProof, SignedTreeHead } from './evidence.types';

const size = (name: string) => Arg(name, () => Int);

@Resolver()
export class EvidenceResolver {
  @Authorized(...READERS_OF_AUDIT)
  @Query(() => SignedTreeHead, { description: 'The signed head of the first treeSize audit events (default: all of them).' })
  async auditTreeHead(@Ctx() ctx: EvidenceContext, @Arg('treeSize', () => Int, { nullable: true }) treeSize: number | null): Promise<SignedTreeHead> {
    const head = await ctx.app.evidence.treeHead(treeSize ?? null, ctx.loaders.now);
    return { ...head, timestamp: new Date(head.timestamp) };
  }

  @Authorized(...READERS_OF_AUDIT)
  @Query(() => MerkleProof, { description: 'The inclusion proof of audit event seq (leaf seq - 1) in the tree of treeSize events.' })
  auditInclusionProof(@Ctx() ctx: EvidenceContext, @size('seq') seq: number, @size('treeSize') treeSize: number): Promise<MerkleProof> {
    return ctx.app.evidence.inclusionProof(seq, treeSize);
  }

  @Authorized(...READERS_OF_AUDIT)
  @Query(() => MerkleProof, { description: 'Proves the tree of toSize audit events extends the tree of fromSize events.' })
  auditConsistencyProof(@Ctx() ctx: EvidenceContext, @size('fromSize') fromSize: number, @size('toSize') toSize: number): Promise<MerkleProof> {
    return ctx.app.evidence.consistencyProof(fromSize, toSize);
  }
}
