/**
 * A roll-up worker thread: prepares the run from the territory text and the run's data once, then evaluates each
 * block of communes it is sent and returns the block's sums (or the error that stopped it, input errors with their
 * path and fix).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/errors.js';
import { parseTerritory } from '../io/territory.js';
import { prepareRunWithData, runDataFromThread } from './engine.js';
import { rollUpBlock, rollUpBlockLength, rollUpContext } from './rollup.js';
import type { RollUpWorkerInput, RollUpWorkerReply, RollUpWorkerRequest } from './rollup-threads.js';

const input = workerData as RollUpWorkerInput;
const territory = await parseTerritory(input.territoryText, input.territoryFile);
const ctx = rollUpContext(prepareRunWithData(territory, runDataFromThread(input.data), input.runOptions));
const reply = (m: RollUpWorkerReply, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(m, transfer);

parentPort!.on('message', (m: RollUpWorkerRequest) => {
  try {
    const sums = new Float64Array(rollUpBlockLength(ctx));
    rollUpBlock(ctx, m.communes, m.first, sums);
    reply({ block: m.block, sums }, [sums.buffer as ArrayBuffer]);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply({ block: m.block, error: { name: error.name, message: error.message, json: e instanceof InputError ? e.toJSON() : null } });
  }
});
