/**
 * Where the parsing worker's script is. Its own small module, so that the built command line
 * can say where it ships the worker without loading the parser and the importer with it.
 */
import { pathToFileURL } from 'node:url';

let workerFile = new URL('./parse-worker-source.mjs', import.meta.url);

/** The built command line and desktop app ship the worker as JavaScript and say where. */
export function useBuiltParseWorker(path: string): void {
  workerFile = pathToFileURL(path);
}

export function parseWorkerFile(): URL {
  return workerFile;
}
