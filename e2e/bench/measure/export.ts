/**
 * Export as a user runs it, on the 200-component diagram of the export benchmark
 * (main/export/bench-diagram.ts) opened through Open…: Export… until the dialog shows the files to
 * export, then Export zip… until the browser has the download and the dialog says it exported.
 * The longest main-thread task meanwhile is how long the window stood still. Strata only, once per
 * run (it does not depend on the canvas's diagram): React Flow exports nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDiagram } from '../../../domain/serialize';
import { benchDiagram } from '../../../main/export/bench-diagram';
import { traceMainThread } from '../trace';
import type { Measurement } from './types';

export const exportZip: Measurement = {
  name: 'export',
  sides: ['strata'],
  sizes: [1_000],
  async run({ page, cdp }) {
    const folder = mkdtempSync(join(tmpdir(), 'strata-bench-export-'));
    const file = join(folder, 'export-200.strata');
    writeFileSync(file, serializeDiagram(benchDiagram()));
    try {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open…' }).click();
      // After Auto-layout the diagram has unsaved changes, and the app asks first.
      const discard = page.getByRole('button', { name: 'Don’t Save' });
      void discard.click({ timeout: 10_000 }).catch(() => undefined);
      await (await chooser).setFiles(file);
      await page.getByTestId('file-name').filter({ hasText: 'export-200.strata' }).waitFor();
      const stop = await traceMainThread(cdp);
      const start = performance.now();
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export Python project' });
      await dialog.getByRole('tree', { name: 'Files to export' }).waitFor();
      const previewMs = performance.now() - start;
      const downloading = page.waitForEvent('download');
      const clicked = performance.now();
      await dialog.getByRole('button', { name: 'Export zip…' }).click();
      await downloading;
      await dialog.getByTestId('export-status').filter({ hasText: 'Exported' }).waitFor();
      const zipMs = performance.now() - clicked;
      const main = await stop();
      await page.keyboard.press('Escape');
      return { exportPreviewMs: previewMs, exportZipMs: zipMs, exportLongestMs: main.longestMs, exportLongestCpuMs: main.longestCpuMs };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
  rows: () => [
    { metric: 'export 200 components: Export… → files listed', goal: '—', key: 'exportPreviewMs', unit: 'ms' },
    { metric: 'export 200 components: Export zip… → downloaded', goal: '—', key: 'exportZipMs', unit: 'ms' },
    { metric: 'export 200 components: longest task', goal: '≤ 200 ms', key: 'exportLongestMs', unit: 'ms' },
    { metric: 'export 200 components: most CPU one task got', goal: '—', key: 'exportLongestCpuMs', unit: 'ms' },
  ],
};
