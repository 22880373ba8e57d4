import { Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { DataSourceKind, Encryption, LegalBasis } from '../../common/graphql-enums';

@InputType()
export class InventoryItemInput {
  @Field() @MaxLength(128) dataCategory: string;
  @Field(() => [String]) @ArrayMaxSize(50) @MaxLength(128, { each: true }) purposes: string[];
  @Field(() => DataSourceKind) source: DataSourceKind;
  @Field(() => String, { nullable: true }) @MaxLength(40) devicePermission?: string | null;
  @Field(() => LegalBasis) legalBasis: LegalBasis;
  @Field(() => Int, { nullable: true, description: 'null = kept indefinitely' }) retentionDays?: number | null;
  @Field(() => Encryption) encryption: Encryption;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) publiclyVisible?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'categories of data subjects, e.g. customers, minors' })
  @ArrayMaxSize(20)
  @MaxLength(100, { each: true })
  dataSubjects?: string[] | null;
}
