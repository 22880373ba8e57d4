import type { DocumentNode } from 'graphql';
import { TaxonomyQuery } from '../components/taxonomy';

const category = (key: string, name: string, sensitive = false) => ({ __typename: 'DataCategory' as const, key, name, description: null, sensitive, parentKey: key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : null });
const dataUse = (key: string, name: string) => ({ __typename: 'DataUse' as const, key, name, description: null });

/** A small taxonomy for the forms' pickers and the domain's checks. */
export const taxonomyMock = {
  request: { query: TaxonomyQuery },
  result: {
    data: {
      dataCategories: [category('device', 'Device'), category('device.location', 'Location', true), category('device.log', 'Log information'), category('user', 'User'), category('user.contact', 'Contact'), category('user.contact.email', 'E-mail address')],
      dataUses: [dataUse('service.provide', 'Provide the service'), dataUse('service.improve', 'Improve the service'), dataUse('marketing.email', 'E-mail marketing')],
    },
  },
  maxUsageCount: 50,
};

/** A query's mocked answer, served as often as a test re-reads it (refetches included). */
export function repeatedQuery<D>(query: DocumentNode, data: D, uses = 5) {
  return { request: { query }, result: { data }, maxUsageCount: uses };
}

/** Mantine forms in jsdom: typing field by field takes a few seconds; call at the top of a spec file. */
export function allowTypingTime(): void {
  jest.setTimeout(30_000);
}
