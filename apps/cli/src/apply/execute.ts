import type { GraphQLClient } from '../client/graphql-client';
import {
  CREATE_POLICY,
  DRAFT_POLICY_VERSION,
  PROPOSE_SHARING,
  REGISTER_PROCESSOR,
  REGISTER_SERVICE,
  SET_INVENTORY,
  SET_SECURITY_MEASURES,
  SUBMIT_SHARING,
  UPDATE_PROCESSOR,
  UPDATE_SERVICE,
} from '../client/operations';
import type { Plan, PlanEntry, Step } from './plan';

export interface Progress {
  start(total: number): void;
  step(done: number, total: number, entry: PlanEntry): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start() {}, step() {}, stop() {} };

/** Runs a plan's steps in order; stops at the first failure, which carries the entry that failed and those done before. */
export async function executePlan(client: GraphQLClient, plan: Plan, progress: Progress = NO_PROGRESS): Promise<PlanEntry[]> {
  const pending = plan.entries.filter((e) => e.steps.length > 0);
  const done: PlanEntry[] = [];
  progress.start(pending.length);
  try {
    for (const entry of pending) {
      progress.step(done.length, pending.length, entry);
      for (const step of entry.steps) {
        try {
          await runStep(client, step);
        } catch (error) {
          Object.assign(error as object, { entry, completed: done });
          throw error;
        }
      }
      done.push(entry);
    }
  } finally {
    progress.stop();
  }
  return done;
}

async function runStep(client: GraphQLClient, step: Step): Promise<void> {
  switch (step.op) {
    case 'registerProcessor':
      await client.request('registerProcessor', REGISTER_PROCESSOR, { input: step.input });
      return;
    case 'updateProcessor':
      await client.request('updateProcessor', UPDATE_PROCESSOR, { input: step.input });
      return;
    case 'registerService':
      await client.request('registerService', REGISTER_SERVICE, { input: step.input });
      return;
    case 'updateService':
      await client.request('updateService', UPDATE_SERVICE, { input: step.input });
      return;
    case 'setSecurityMeasures':
      await client.request('setSecurityMeasures', SET_SECURITY_MEASURES, { serviceKey: step.serviceKey, measures: step.measures });
      return;
    case 'setInventory':
      await client.request('setInventory', SET_INVENTORY, { serviceKey: step.serviceKey, items: step.items });
      return;
    case 'createPolicy':
      await client.request('createPolicy', CREATE_POLICY, { input: step.input });
      return;
    case 'draftPolicyVersion':
      await client.request('draftPolicyVersion', DRAFT_POLICY_VERSION, { input: step.input });
      return;
    case 'proposeAndSubmitSharing': {
      const proposed = await client.request('proposeSharing', PROPOSE_SHARING, { input: step.input });
      const { id, version } = proposed.proposeSharing;
      await client.request('submitSharing', SUBMIT_SHARING, { id, expectedVersion: version });
      return;
    }
    case 'submitSharing':
      await client.request('submitSharing', SUBMIT_SHARING, { id: step.id, expectedVersion: step.expectedVersion });
      return;
  }
}
