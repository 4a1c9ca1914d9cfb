/**
 * `npx tsx bench/report-charts.ts`: how long the report's charts take for the town example (every use case it
 * holds, five scenarios). A measurement, not a test; the report as a whole has a 5 s budget (issue "Report
 * generator"), of which the charts are one part.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { examplesDir } from '../src/core/paths.js';
import { runTerritory } from '../src/evaluate/load.js';
import { loadTerritory } from '../src/io/territory.js';
import { chartsForReport } from '../src/report/charts/index.js';

const results = runTerritory(await loadTerritory(join(examplesDir(), 'ville-moyenne', 'territory.yaml')), {}, new Date('2026-01-01T00:00:00Z'));

const t0 = performance.now();
const first = await chartsForReport(results, 'fr');
const t1 = performance.now();
await chartsForReport(results, 'fr');
const t2 = performance.now();
const withSvg = await chartsForReport(results, 'fr', {}, { svg: true });
const t3 = performance.now();

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} kB`;
console.log(`charts for the report, PNG, first call (imports chart.js and the canvas, loads fonts): ${first.length} charts in ${(t1 - t0).toFixed(0)} ms`);
console.log(`charts for the report, PNG, warm:                                                  ${(t2 - t1).toFixed(0)} ms`);
console.log(`charts for the report, PNG + SVG, warm:                                            ${(t3 - t2).toFixed(0)} ms`);
console.log(`PNG total ${kb(first.reduce((s, c) => s + c.png.length, 0))}, SVG total ${kb(withSvg.reduce((s, c) => s + (c.svg?.length ?? 0), 0))}`);
