#!/usr/bin/env node
// The `strata` command on plain Node: runs the built CLI, rebuilding it first when a source changed.
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './cli-build.mjs';

const { main } = await import(pathToFileURL(await ensureBuilt()).href);
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
