/**
 * File ▸ Import Python project… and Compare with code… in the browser: the folder is uploaded
 * (webkitdirectory), imported into a new unsaved diagram, or compared with the open one — drift
 * drawn as ghost nodes and dashed arrows and listed with file:line.
 */
import { expect, test } from '@playwright/test';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate } from '../domain/generate';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { diagramOf, nodeByName, openApp } from './fixtures';

/** The sample exported into a folder, with `change` applied to its files first. */
async function exportedSample(change: (files: Map<string, string>) => void = () => undefined): Promise<string> {
  const exported = generate(SAMPLE_DIAGRAM);
  if (!exported.ok) throw new Error(exported.error.message);
  const files = new Map([...exported.files].map(([path, text]) => [path.slice(exported.root.length + 1), text]));
  change(files);
  const folder = join(await mkdtemp(join(tmpdir(), 'strata-e2e-import-')), 'shop');
  for (const [path, text] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

test('Import… reads a project folder into a new, unsaved diagram laid out by layer', async ({ page }, testInfo) => {
  await openApp(page);
  const folder = await exportedSample((files) => files.set('src/shop/broken.py', 'def half(:\n'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(folder);
  await expect(page.getByTestId('file-name')).toHaveText(/^shop \(imported\) •$/);
  await expect(page.getByRole('alertdialog')).toContainText('src/shop/broken.py:1:');
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  const diagram = await diagramOf(page);
  expect(diagram.nodes.map((n) => n.id).sort()).toEqual([
    'broker:redis',
    'database:db',
    'model:order',
    'repository:order_repository',
    'router:orders',
    'service:order_service',
    'worker:notifications',
  ]);
  expect(diagram.project).toMatchObject({ name: 'shop', framework: 'fastapi', tasks: 'celery', layout: 'layered' });
  await expect(nodeByName(page, 'order_service')).toBeVisible();
  const router = (await nodeByName(page, 'orders').boundingBox())!;
  const model = (await nodeByName(page, 'order').boundingBox())!;
  expect(router.y).toBeLessThan(model.y);
  await page.screenshot({ path: testInfo.outputPath('imported.png') });
});

test('Compare with code… draws undrawn components as ghosts, undrawn dependencies dashed, and lists a wrong-way import at its line', async ({ page }, testInfo) => {
  await openApp(page);
  let wrongLine = 0;
  const folder = await exportedSample((files) => {
    const repository = 'src/shop/repositories/order_repository.py';
    const text = files.get(repository)!;
    wrongLine = text.split('\n').length;
    files.set(repository, `${text}from shop.api.routes.orders import orders_router  # noqa\n`);
    files.set('src/shop/services/billing_service.py', 'from shop.repositories.order_repository import OrderRepository\n\n\nclass BillingService:\n    pass\n');
    const routes = 'src/shop/api/routes/orders.py';
    files.set(routes, `${files.get(routes)!}from shop.models.order import Order  # noqa\n`);
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Compare…' }).click();
  await (await chooser).setFiles(folder);
  const drift = page.getByTestId('drift');
  await expect(drift.getByRole('heading')).toHaveText('Code in shop');
  await expect(page.getByTestId('drift-error-count')).toHaveText('1 errors');
  await expect(drift.locator('.problem.error')).toContainText(`src/shop/repositories/order_repository.py:${wrongLine}`);
  await expect(drift.locator('.problem.warning[data-rule="undrawn-component"]')).toContainText('src/shop/services/billing_service.py');
  await expect(page.locator('.ghost-node', { hasText: 'billing_service' })).toBeVisible();
  // The undrawn router → model import dashed in the drift colour, the wrong-way import in red.
  await expect(page.locator('.react-flow__edge.drift-edge.drift-warning')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge.drift-edge.drift-error')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('drift.png') });
  await drift.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.ghost-node')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge.drift-edge')).toHaveCount(0);
});
