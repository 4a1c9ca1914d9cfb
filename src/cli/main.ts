#!/usr/bin/env node
/** Entry point of the `territoires` command: see program.ts. */
import { cli } from './program.js';

process.exitCode = await cli(process.argv.slice(2));
