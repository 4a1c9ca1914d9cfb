// Starts the Monte Carlo worker from the TypeScript sources (tests, `npx tsx`): registers tsx's loader in this
// worker thread, then imports the worker module. The built package (dist/) starts montecarlo-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./montecarlo-worker.ts');
