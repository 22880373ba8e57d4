import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Service } from '../services';
import type { AssessmentsContext } from './assessments.context';
import { DpiaRequirement } from './dpia.types';

@Resolver(() => Service)
export class ServiceDpiaResolver {
  @FieldResolver(() => DpiaRequirement, { description: 'Whether the service needs a DPIA now, with each criterion met (DESIGN.md section 9).' })
  async dpia(@Root() service: Service, @Ctx() ctx: AssessmentsContext): Promise<DpiaRequirement> {
    const rule = await ctx.loaders.dpiaByService.load(service);
    return Object.assign(new DpiaRequirement(), { required: rule.required, reasons: rule.criteria.map((c) => c.sentence) });
  }
}
