import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Whether the service needs a data protection impact assessment (GDPR Art. 35): two or more criteria met.' })
export class DpiaRequirement {
  @Field() required: boolean;
  @Field(() => [String], { description: 'each criterion met, as a sentence, in the order of DESIGN.md section 9' }) reasons: string[];
}
