// Starts the roll-up worker from the TypeScript sources (tests, `npx tsx`): registers tsx's loader in this worker
// thread, then imports the worker module. The built package (dist/) starts rollup-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./rollup-worker.ts');
