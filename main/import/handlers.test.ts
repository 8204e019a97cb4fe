/** The import handlers: a picked folder is read (and granted), an upload is checked like any payload. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { createHandlers } from '../handlers';
import { PayloadError } from '../payload';
import { testHost } from '../test-host';

async function project(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'strata-import-handler-'));
  await mkdir(join(folder, 'shop', 'services'), { recursive: true });
  await writeFile(join(folder, 'shop', 'services', 'billing.py'), 'from shop.repositories.invoices import InvoiceRepository\n');
  await mkdir(join(folder, 'shop', 'repositories'), { recursive: true });
  await writeFile(join(folder, 'shop', 'repositories', 'invoices.py'), 'class InvoiceRepository: ...\n');
  return folder;
}

describe('importProject and compareWithCode', () => {
  it('read the folder the user picks, grant it, and cancel when nothing is picked', async () => {
    const host = testHost(await mkdtemp(join(tmpdir(), 'strata-user-')));
    const handlers = createHandlers(host);
    expect(await handlers.importProject({})).toEqual({ status: 'canceled' });
    host.folderAnswer = await project();
    const imported = await handlers.importProject({});
    if (imported.status !== 'imported') throw new Error(imported.status);
    expect(imported.file.path).toBeNull();
    expect(imported.file.diagram.edges.map((e) => e.id)).toEqual(['service:billing->repository:invoices']);
    expect(host.grants.allows(host.folderAnswer, 'folder')).toBe(true);
    const compared = await handlers.compareWithCode({ diagram: SAMPLE_DIAGRAM });
    expect(compared).toMatchObject({ status: 'compared', findings: expect.arrayContaining([expect.objectContaining({ rule: 'undrawn-component', file: 'shop/services/billing.py' })]) });
    host.folderAnswer = join(host.folderAnswer, 'missing');
    expect(await handlers.importProject({})).toMatchObject({ status: 'failed', message: expect.stringContaining('does not exist') });
  });

  it('import an upload, and refuse one whose paths leave the folder or whose files are too big', async () => {
    const handlers = createHandlers(testHost(await mkdtemp(join(tmpdir(), 'strata-user-'))));
    const upload = { name: 'shop', skipped: [{ path: 'logo.py', reason: 'binary, not text', kind: 'problem' }], files: [{ path: 'shop/api/orders.py', text: 'import fastapi\n' }] };
    expect(await handlers.importProject({ upload })).toMatchObject({ status: 'imported', report: { skipped: [{ path: 'logo.py', reason: 'binary, not text' }] } });
    for (const path of ['../etc/passwd.py', '/abs.py', 'a//b.py', 'a\\b.py', '']) {
      await expect(handlers.importProject({ upload: { ...upload, files: [{ path, text: '' }] } })).rejects.toThrow(PayloadError);
    }
    await expect(handlers.importProject({ upload: { ...upload, files: [{ path: 'big.py', text: 'x'.repeat(1024 * 1024 + 1) }] } })).rejects.toThrow('over 1 MB');
    await expect(handlers.compareWithCode({ upload })).rejects.toThrow(PayloadError);
  });
});
