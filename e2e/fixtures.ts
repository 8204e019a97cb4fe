/** Helpers shared by the browser specs: wait on the app's state, never on time. */
import { expect, type Page } from '@playwright/test';
import type { Diagram } from '../domain/diagram';

/** The address the web server would print: it opens a session (playwright.config.ts sets the secret). */
export function entryPath(): string {
  return `/?token=${process.env.STRATA_E2E_TOKEN}`;
}

/**
 * Opens the app on the sample, through the secret address as a user would. Tests share one
 * server and so one recovery store: earlier tests' unsaved work is discarded first, or its
 * recovery prompt would shift this test's canvas.
 */
export async function openApp(page: Page): Promise<void> {
  await page.goto(entryPath());
  await expect(page).toHaveURL(/\/$/);
  await page.evaluate(async () => {
    const post = (name: string, body: unknown) =>
      fetch(`api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { result } = (await (await post('readRecovery', { except: [] })).json()) as { result: { slot: string }[] };
    for (const { slot } of result) await post('clearRecovery', { slot });
  });
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Discard' })).toHaveCount(0);
}

/** The store's diagram, read from the running app. */
export function diagramOf(page: Page): Promise<Diagram> {
  return page.evaluate(() => {
    const strata = (window as unknown as { strata: { getState(): { diagram: Diagram } } }).strata;
    return strata.getState().diagram;
  });
}

export function nodeByName(page: Page, name: string) {
  return page.locator('.react-flow__node', { has: page.locator('.node-name', { hasText: new RegExp(`^${name}$`) }) });
}

/** Drags from one node's source handle (bottom) to another node's target handle (top). */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = nodeByName(page, from).locator('.react-flow__handle-bottom');
  const target = nodeByName(page, to).locator('.react-flow__handle-top');
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** The card inside a node, which carries the node's state classes (selected, has-error …). */
export function nodeCard(page: Page, name: string) {
  return nodeByName(page, name).locator('.strata-node');
}
