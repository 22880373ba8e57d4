import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataSourceKind, Encryption, LegalBasis } from '../../common/graphql-enums';

@ObjectType({ description: 'One kind of personal data a service holds, why, on what basis and for how long.' })
export class InventoryItem {
  @Field(() => ID) id: string;
  @Field({ description: 'a taxonomy key' }) dataCategory: string;
  @Field(() => [String], { description: 'data-use keys' }) purposes: string[];
  @Field(() => DataSourceKind) source: DataSourceKind;
  @Field(() => String, { nullable: true, description: 'e.g. CAMERA, MICROPHONE, LOCATION when source is DEVICE_PERMISSION' })
  devicePermission: string | null;
  @Field(() => LegalBasis) legalBasis: LegalBasis;
  @Field(() => Int, { nullable: true, description: 'null = kept indefinitely' }) retentionDays: number | null;
  @Field(() => Encryption) encryption: Encryption;
  @Field({ description: 'e.g. images and video users choose to share' }) publiclyVisible: boolean;
  @Field(() => [String], { description: 'categories of data subjects (customers, minors, employees...), for the record of processing' })
  dataSubjects: string[];
  @Field(() => Date, { description: 'when this item entered the inventory' }) validFrom: Date;
  @Field(() => Date, { nullable: true, description: 'when it left the inventory; null while current' }) validTo: Date | null;
  serviceId: string;
}
