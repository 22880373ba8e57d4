import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A signed head of the audit log\'s Merkle tree (RFC 9162; DESIGN.md section 10).' })
export class SignedTreeHead {
  @Field(() => Int) treeSize: number;
  @Field({ description: 'hex' }) rootHash: string;
  @Field(() => Date) timestamp: Date;
  @Field({ description: 'hex SHA-256 of the public key (DER SPKI)' }) keyId: string;
  @Field({ description: 'base64 Ed25519 over the canonical JSON {treeSize, rootHash, timestamp}' }) signature: string;
}

@ObjectType({ description: 'An inclusion proof (with leafIndex) or a consistency proof (without).' })
export class MerkleProof {
  @Field(() => Int, { nullable: true }) leafIndex: number | null;
  @Field(() => Int) treeSize: number;
  @Field(() => [String], { description: 'hex, in RFC 9162 order' }) hashes: string[];
}
