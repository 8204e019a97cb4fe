/** The exportProject handler: check, generate, zip, write — shared by the app and the CLI. */
import { validate } from '../../domain/rules';
import type { ExportResult } from '../../preload/api';
import { describeFileError } from '../files';
import type { Host } from '../handlers';
import { checkExportRequest } from '../payload';
import { projectFiles, zipName } from './project-files';
import { TargetExists, writeZip } from './zip';

/** What an export needs of its host: a save dialog and a progress channel. */
export type ExportHost = Pick<Host, 'askSavePath' | 'sendExportProgress'>;

export async function exportProject(payload: unknown, host: ExportHost): Promise<ExportResult> {
  const request = checkExportRequest(payload);
  const errors = validate(request.diagram).filter((finding) => finding.severity === 'error');
  if (errors.length > 0 && !request.force) return { status: 'has-errors', findings: errors };
  const generated = projectFiles(request.diagram, request.options);
  if (!generated.ok) return { status: 'failed', message: generated.message };
  const chosen = request.path ?? (await host.askSavePath(zipName(request.diagram), 'zip'));
  if (!chosen) return { status: 'canceled' };
  const path = chosen.endsWith('.zip') ? chosen : `${chosen}.zip`;
  // A path from the save dialog was confirmed there; a given path is replaced only when asked.
  const overwrite = request.path === undefined || request.overwrite === true;
  try {
    const bytes = await writeZip(path, generated.files, {
      overwrite,
      onProgress: (done, total) => host.sendExportProgress({ done, total }),
    });
    return { status: 'exported', path, files: generated.files.size, bytes };
  } catch (error) {
    if (error instanceof TargetExists) return { status: 'exists', path };
    return { status: 'failed', message: describeFileError(error, path) };
  }
}
