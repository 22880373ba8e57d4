import { DEMO, gql, screenshot, signedIn, useBrowser } from './support/browser';

describe('the data map', () => {
  const browser = useBrowser();

  it('should render services and processors as nodes, arrangements as edges, and click through', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/overview');
    const data = await gql<{ services: { totalCount: number }; sharingArrangements: { processor: { key: string } }[] }>(
      page,
      '{ services(first: 100) { totalCount } sharingArrangements { processor { key } } }',
    );
    const processors = new Set(data.sharingArrangements.map((a) => a.processor.key)).size;
    const map = page.getByTestId('data-map');
    await map.locator('.react-flow__node').first().waitFor();
    expect(await map.locator('.react-flow__node').count()).toBe(data.services.totalCount + processors);
    expect(await map.locator('.react-flow__node.datamap-processor').count()).toBe(processors);
    expect(await map.locator('.react-flow__edge').count()).toBe(data.sharingArrangements.length);
    await screenshot(page, '38-data-map');

    await map.getByRole('link', { name: /Maps/ }).first().click();
    await page.waitForURL('**/services/maps');
    await page.getByRole('heading', { name: 'Maps', level: 2 }).waitFor();
    await context.close();
  });
});
