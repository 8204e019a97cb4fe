// The parsing worker when Strata runs from source (web harness, tests): loads the TypeScript
// entry through tsx, since a worker thread does not inherit the parent's loader hooks.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
