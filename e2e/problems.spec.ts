/** Nothing surprises: a problem selects what it is about, Delete removes only that, the Inspector says each thing once. */
import { expect, test } from '@playwright/test';
import { serializeDiagram } from '../domain/serialize';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { connect, nodeByName, nodeCard, openApp } from './fixtures';

test('clicking an edge problem selects the edge alone, and Delete then removes only that edge', async ({ page }, testInfo) => {
  await openApp(page);
  await connect(page, 'order_repository', 'order_service');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);

  await page.locator('.problem[data-rule="layer-direction"]').click();
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await expect(nodeCard(page, 'order_repository')).not.toHaveClass(/selected/);
  await expect(nodeCard(page, 'order_service')).not.toHaveClass(/selected/);
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-edge')).toBeVisible();
  // The message is in the Inspector once, not once for the verdict and again for the finding.
  await expect(inspector.getByText(/repository "order_repository" depends on service "order_service"/)).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('edge-problem.png') });

  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByTestId('problems').getByText('No problems')).toBeVisible();
});

test('a cycle problem selects its edges, not its components', async ({ page }) => {
  await openApp(page);
  await connect(page, 'order_repository', 'order_service');
  await page.locator('.problem[data-rule="cycle"]').click();
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(2);
  await expect(page.locator('.strata-node.selected')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText('2 edges selected');
});

test('a dangling edge picked from the problems is shown in the Inspector and can be deleted there', async ({ page }) => {
  await openApp(page);
  const sample = SAMPLE_DIAGRAM;
  const dangling = { ...sample, edges: [...sample.edges, { id: 'lost', source: sample.nodes[0]!.id, target: 'gone' }] };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'dangling.strata', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(dangling)) });
  await expect(page.getByTestId('file-name')).toHaveText('dangling.strata');

  await page.locator('.problem[data-rule="dangling-edge"]').click();
  const inspector = page.getByTestId('inspector-edge');
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText('“gone” is not in the diagram');
  await inspector.getByRole('button', { name: 'Delete dependency' }).click();
  await expect(page.locator('.problem[data-rule="dangling-edge"]')).toHaveCount(0);
  // Its one existing end stays: only the edge was selected.
  await expect(nodeByName(page, sample.nodes[0]!.name)).toHaveCount(1);
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
});

test('a model named after a table the framework keeps is listed as a note, not a problem, and a click selects it', async ({ page }, testInfo) => {
  await openApp(page);
  const model = SAMPLE_DIAGRAM.nodes.find((n) => n.kind === 'model')!;
  const reserved = { ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.map((n) => (n.id === model.id ? { ...n, name: 'alembic version' } : n)) };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'reserved.strata', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(reserved)) });
  await expect(page.getByTestId('file-name')).toHaveText('reserved.strata');

  const note = page.getByTestId('notes').locator('.problem[data-rule="reserved-name"]');
  await expect(note).toContainText('the export names its table "alembic_version_2"');
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await expect(page.getByTestId('warning-count')).toHaveText('0 warnings');
  await note.click();
  await expect(nodeCard(page, 'alembic version')).toHaveClass(/selected/);
  await page.getByTestId('problems').screenshot({ path: testInfo.outputPath('note.png') });
});
