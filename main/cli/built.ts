/**
 * The entry of the built command line (`.cache/cli/strata.mjs`, see bin/strata.mjs): the CLI
 * with the export worker built beside it, so nothing is compiled at run time.
 */
import { fileURLToPath } from 'node:url';
import { useBuiltArchiveWorker } from '../export/archive-thread';
import { useBuiltParseWorker } from '../import/parse-worker-file';

useBuiltArchiveWorker(fileURLToPath(new URL('./archive-worker.mjs', import.meta.url)));
useBuiltParseWorker(fileURLToPath(new URL('./parse-worker.mjs', import.meta.url)));

export { main } from './index';
