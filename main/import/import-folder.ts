/**
 * Reading a project folder end to end on Node: walk it, parse its Python with tree-sitter,
 * and hand both to domain/import. Used by the command line and the app's handlers.
 */
import { importProject, type ImportResult, type ProjectSource } from '../../domain/import';
import { parseProject } from './parse-pool';
import { readProjectFolder } from './read-folder';

export { FolderProblem } from './read-folder';

/** Imports the project in `folder`; throws FolderProblem when it is missing or not a folder. */
export async function importFolder(folder: string): Promise<ImportResult> {
  return importSource(await readProjectFolder(folder));
}

/** Imports files already read (a browser's folder upload). */
export async function importSource(source: ProjectSource): Promise<ImportResult> {
  return importProject(source, await parseProject(source));
}
