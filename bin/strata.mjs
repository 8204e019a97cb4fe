#!/usr/bin/env node
// The `strata` command: runs the TypeScript CLI on plain Node, no Electron needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
