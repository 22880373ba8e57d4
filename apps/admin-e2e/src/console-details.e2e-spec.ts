import type { Page } from 'playwright-core';
import { DEMO, gql, newPage, screenshot, signedIn, submitSignIn, toast, useBrowser } from './support/browser';
import { ensureProcessor } from './support/fixtures';

// Screenshots of each fixed place: `I13_SHOTS=before` names them for a run against the console before the fix.
const shot = (page: Page, name: string) => screenshot(page, `i13-${name}-${process.env.I13_SHOTS ?? 'after'}`);

/** What overflows at the current viewport: the page sideways, and every badge whose words are cut. */
async function overflow(page: Page): Promise<{ page: number; clippedBadges: string[]; badges: number }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const labels = [...document.querySelectorAll('.mantine-Badge-label')] as HTMLElement[];
    const clipped = labels.filter((label) => {
      const badge = label.closest('.mantine-Badge-root') as HTMLElement;
      const style = getComputedStyle(label);
      const cut = label.scrollWidth > label.clientWidth + 1 && (style.overflow !== 'visible' || style.textOverflow === 'ellipsis');
      return cut || (badge && badge.scrollWidth > badge.clientWidth + 1 && getComputedStyle(badge).overflow !== 'visible');
    });
    return { page: root.scrollWidth - root.clientWidth, clippedBadges: clipped.map((l) => l.textContent ?? ''), badges: labels.length };
  });
}

/** Presses Tab until the focused element matches, as a keyboard-only person would; fails after `limit` presses. */
async function tabTo(page: Page, matches: (el: { label: string; text: string; tag: string }) => boolean, limit = 80): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      const named = a?.getAttribute('aria-label') ?? a?.labels?.[0]?.textContent ?? '';
      return { label: named.trim(), text: (a?.innerText ?? '').trim(), tag: a?.tagName ?? '' };
    });
    seen.push(el.label || el.text);
    if (matches(el)) return seen;
  }
  throw new Error(`Tab never reached the element; focus went through: ${seen.join(' | ')}`);
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe("the console's details at 1024x768 and by keyboard", () => {
  const browser = useBrowser();

  async function small(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { context, page } = await newPage(browser());
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(path);
    await page.waitForURL(/\/signin/);
    await submitSignIn(page, DEMO.officer);
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    return { page, close: () => context.close() };
  }

  it('should show the findings and conflicts pages at 1024x768 without sideways scrolling or a cut badge, a skip link first', async () => {
    const { page, close } = await small('/findings');
    await page.getByRole('table').first().waitFor();
    await page.locator('.mantine-Badge-label').first().waitFor();
    await shot(page, 'findings-1024');
    const findings = await overflow(page);

    await page.goto('/conflicts');
    await page.getByRole('table').first().waitFor();
    await shot(page, 'conflicts-1024');
    const conflicts = await overflow(page);
    const headings = await page.getByRole('columnheader').allInnerTexts();

    expect(findings.badges).toBeGreaterThan(0);
    expect(findings).toMatchObject({ page: 0, clippedBadges: [] });
    expect(conflicts).toMatchObject({ page: 0, clippedBadges: [] });
    expect(new Set(headings).size).toBe(headings.length);

    // The first Tab reaches the skip link; Enter takes focus past the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });

  it('should run the draft editor and the publish panel by keyboard alone', async () => {
    const { page, close } = await small('/policies/general');
    await page.getByRole('heading', { level: 2 }).first().waitFor();


    await tabTo(page, (el) => /^(New|Edit) draft\b/.test(el.text));
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Draft editor' });
    await editor.waitFor();
    await shot(page, 'draft-editor-1024');
    const sizes = await overflow(page);
    expect(sizes.page).toBe(0);

    // Focus follows the page: the first row's fields from left to right, then the next row.
    const order = await tabTo(page, (el) => el.label === 'Topic of clause 2');
    expect(order.filter((label) => /clause 1\b/.test(label))).toEqual(['Topic of clause 1', 'Subject of clause 1', expect.stringMatching(/^Value of clause 1\b/), 'Lock clause 1', 'Policy text of clause 1', 'Remove clause 1']);

    // The crash logs' retention, made weaker by typing: a reduction of users' rights.
    const rows = await editor.getByRole('row').count();
    let row = 0;
    for (let n = 1; n < rows && !row; n++) {
      const topic = await page.getByRole('textbox', { name: `Topic of clause ${n}`, exact: true }).or(page.getByRole('combobox', { name: `Topic of clause ${n}`, exact: true })).first().inputValue();
      const subject = await page.getByRole('textbox', { name: `Subject of clause ${n}`, exact: true }).or(page.getByRole('combobox', { name: `Subject of clause ${n}`, exact: true })).first().inputValue();
      if (topic === 'RETENTION' && subject === 'device.log') row = n;
    }
    expect(row).toBeGreaterThan(0);
    await tabTo(page, (el) => el.label.startsWith(`Value of clause ${row} `), 200);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('900');
    await tabTo(page, (el) => el.text === 'Save draft', 200);
    await page.keyboard.press('Enter');
    await toast(page, /Draft v\d+ is saved/);

    // The publish panel: a time typed stays as typed; a date without notice is refused in words, once.
    await page.getByRole('region', { name: 'Publish' }).waitFor();
    await page.getByRole('region', { name: 'Publish' }).getByRole('button', { name: /^Publish version/ }).waitFor();
    const takesEffect = page.getByRole('textbox', { name: /^Takes effect/ });
    await tabTo(page, (el) => el.label.startsWith('Takes effect'), 60);
    const typed = `${tomorrow()} 10:3`;
    await page.keyboard.type(typed);
    expect(await takesEffect.inputValue()).toBe(typed);
    await page.keyboard.type('0');
    expect(await takesEffect.inputValue()).toBe(`${typed}0`);
    // The calendar's icon-only buttons (the month arrows) have names.
    const arrows = await page.locator('button[data-direction]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(arrows).toEqual(expect.arrayContaining(['Previous month', 'Next month']));
    expect(arrows.filter((l) => !l)).toEqual([]);
    await page.keyboard.press('Escape');
    await tabTo(page, (el) => /^Publish version \d+$/.test(el.text), 40);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(page, (el) => /^Publish version \d+$/.test(el.text), 10);
    await page.keyboard.press('Enter');
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    await shot(page, 'publish-notice-required');
    const words = (await refusal.innerText()).trim();
    expect(words.match(/reduces users/g)).toHaveLength(1);
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(words).not.toMatch(/effectiveAt|noticeAt/);
    expect(words).toMatch(/\.$/);
    await close();
  }, 300_000);

  it('should draw three arrangements between one service and processor with every label visible, reachable by focus, and Enter opening each', async () => {
    const { context, page } = await signedIn(browser(), DEMO.officer, '/overview');
    await page.setViewportSize({ width: 1024, height: 768 });
    await ensureProcessor(page, 'e2e-triple', 'Triple Analytics');
    const engineer = await signedIn(browser(), DEMO.engineerGeo, '/');
    const { service } = await gql<{ service: { inventory: { dataCategory: string }[] } }>(engineer.page, `{ service(key: "maps") { inventory { dataCategory } } }`);
    const categories = [...new Set(service.inventory.map((i) => i.dataCategory))];
    const ids: string[] = [];
    for (const picked of [categories, categories.slice(0, 1), categories.slice(1, 3)]) {
      const { proposeSharing } = await gql<{ proposeSharing: { id: string } }>(engineer.page, `mutation($input: ProposeSharingInput!) { proposeSharing(input: $input) { id } }`, {
        input: { serviceKey: 'maps', processorKey: 'e2e-triple', dataCategories: picked, purposes: ['service.provide'], legalBasis: 'CONSENT' },
      });
      ids.push(proposeSharing.id);
    }
    await engineer.context.close();

    await page.goto('/overview');
    const map = page.getByTestId('data-map');
    await map.locator('.react-flow__edge').first().waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await shot(page, 'data-map-triple');

    const labels = ids.map((id) => map.locator(`a.datamap-edge-label[href="/sharing/${id}"]`));
    const mapBox = (await map.boundingBox())!;
    const boxes = [];
    for (const label of labels) {
      await label.waitFor();
      const box = (await label.boundingBox())!;
      boxes.push(box);
      // Inside the map as fitted on load.
      expect(box.x).toBeGreaterThanOrEqual(mapBox.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(mapBox.x + mapBox.width + 1);
      expect(box.y).toBeGreaterThanOrEqual(mapBox.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(mapBox.y + mapBox.height + 1);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    // The label the browser draws on top at the label's centre is the label itself: nothing hides it.
    for (const label of labels) {
      // Its four corners and its centre: another label covering any of them hides part of its words.
      await label.scrollIntoViewIfNeeded();
      const covered = await label.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const points = [[r.x + r.width / 2, r.y + r.height / 2], [r.x + 2, r.y + 2], [r.right - 2, r.y + 2], [r.x + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]];
        return points.map(([x, y]) => document.elementFromPoint(x, y)).filter((top) => top !== el && !el.contains(top)).map((top) => `${top?.tagName}.${top?.getAttribute('class') ?? ''} ${top?.textContent ?? ''}`);
      });
      expect(covered).toEqual([]);
    }

    // Focus on the first label shows the whole list of categories.
    await labels[0].focus();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    for (const category of categories) expect(await tooltip.innerText()).toContain(category);
    await shot(page, 'data-map-label-focus');

    // Every edge takes keyboard focus, drawn visibly, and Enter opens its arrangement.
    const edge = map.locator(`[data-id="sharing:${ids[1]}"], [data-testid="rf__edge-sharing:${ids[1]}"]`).first();
    await edge.focus();
    const drawn = await edge.evaluate((el) => {
      const path = el.querySelector('.react-flow__edge-path') as SVGPathElement;
      return { focused: document.activeElement === el, width: getComputedStyle(path).strokeWidth };
    });
    expect(drawn.focused).toBe(true);
    expect(parseFloat(drawn.width)).toBeGreaterThanOrEqual(4);
    await shot(page, 'data-map-edge-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/sharing/${ids[1]}`);

    await page.goBack();
    await labels[2].waitFor();
    await labels[2].focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/sharing/${ids[2]}`);
    await context.close();
  });
});
