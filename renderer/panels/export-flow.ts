/** Writing an export through the contract; where it goes is the user's answer in main's save dialog. */
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions, ExportResult } from '../../preload/api';
import { api } from '../api';

export async function runExport(diagram: Diagram, options: ExportOptions, force: boolean): Promise<ExportResult> {
  // A refused or failed call (a lost connection, a server error) is a result the dialog shows, never a silent rejection.
  return api.exportProject({ diagram, options, force }).catch((error: Error) => ({ status: 'failed', message: error.message }) as const);
}

export function describeSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
