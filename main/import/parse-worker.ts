/** A parsing worker: reads the facts of the Python files it is sent, with its own tree-sitter parser. */
import { parentPort } from 'node:worker_threads';
import { readPythonFile } from '../../domain/import';
import { loadPythonParser } from './python-parser';
import type { ParseReply, ParseRequest } from './parse-pool';

const parser = loadPythonParser();

parentPort!.on('message', async ({ id, files }: ParseRequest) => {
  try {
    const ready = await parser;
    const facts = files.map((file) => [file.path, readPythonFile(ready, file.path, file.text)] as const);
    parentPort!.postMessage({ id, facts } satisfies ParseReply);
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) } satisfies ParseReply);
  }
});
