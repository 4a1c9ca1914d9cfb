/**
 * `territoires sensitivity [TERRITORY] [--method tornado|sobol] [--json]`: which uncertain quantities move the
 * results most (tornado, one at a time between P10 and P90), and how much of the variance each explains (Sobol).
 */
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { examplesDir } from '../core/paths.js';
import type { Perspective } from '../evaluate/engine.js';
import { prepareRun } from '../evaluate/load.js';
import { isUseCaseId } from '../evaluate/registry.js';
import { runSobol, runTornado } from '../evaluate/sensitivity.js';
import { loadTerritory } from '../io/territory.js';
import { toJson } from '../io/writers.js';
import { formatNumber, table, type Lang } from './output.js';
import { DEFAULT_TERRITORY, parseSets } from './run.js';

export interface SensitivityCommandOptions {
  method: 'tornado' | 'sobol';
  scenario: string;
  useCase?: string;
  variant?: string;
  perspective: Perspective;
  metric: 'npvEur' | 'netTco2e';
  n: string;
  top: string;
  seed: string;
  set: string[];
  json?: boolean;
  lang: Lang;
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InputError(`invalid ${flag}`, { path: flag, expected: 'a whole number ≥ 1', received: value, fix: `e.g. ${flag} 8` });
  }
  return n;
}

export async function sensitivityCommand(territoryArg: string | undefined, opts: SensitivityCommandOptions): Promise<number> {
  const file = territoryArg ? resolve(territoryArg) : join(examplesDir(), DEFAULT_TERRITORY, 'territory.yaml');
  const territory = await loadTerritory(file);
  const run = prepareRun(territory, { scenarios: [opts.scenario], overrides: parseSets(opts.set ?? []) });
  const top = positiveInteger(opts.top, '--top');
  const fr = opts.lang === 'fr';
  if (opts.method === 'tornado') {
    const result = runTornado(run, { scenario: opts.scenario, top });
    const outputs = result.outputs.filter(
      (o) => (!opts.useCase || o.useCase === opts.useCase) && (!opts.variant || o.variant === opts.variant) && o.perspective === opts.perspective && o.metric === opts.metric,
    );
    if (opts.json) {
      process.stdout.write(toJson({ method: 'tornado', scenario: result.scenario, factors: result.factors, outputs }));
      return 0;
    }
    const unit = opts.metric === 'npvEur' ? 'k€' : 'tCO2e';
    const scale = opts.metric === 'npvEur' ? 1000 : 1;
    for (const o of outputs) {
      process.stdout.write(`\n${o.useCase} — ${o.variant} (${fr ? 'contre' : 'vs'} ${o.comparedTo}), ${o.perspective}, ${o.metric} ${fr ? 'de base' : 'base'} ${formatNumber((o.base ?? NaN) / scale, 0, opts.lang)} ${unit}\n`);
      process.stdout.write(
        table(
          [fr ? 'grandeur' : 'quantity', 'P10', 'P90', `${fr ? 'à P10' : 'at P10'} ${unit}`, `${fr ? 'à P90' : 'at P90'} ${unit}`, `${fr ? 'écart' : 'swing'} ${unit}`],
          o.rows.map((r) => [
            r.name,
            formatNumber(r.low, 3, opts.lang),
            formatNumber(r.high, 3, opts.lang),
            formatNumber(r.outputAtLow / scale, 0, opts.lang),
            formatNumber(r.outputAtHigh / scale, 0, opts.lang),
            formatNumber(r.swing / scale, 0, opts.lang),
          ]),
          [false, true, true, true, true, true],
        ) + '\n',
      );
    }
    return 0;
  }
  if (!opts.useCase || !isUseCaseId(opts.useCase) || !opts.variant) {
    throw new InputError('Sobol analyses one output: name its use case and variant', {
      path: '--use-case / --variant',
      expected: 'e.g. --use-case lighting --variant led-telemanagement-node',
      received: `${opts.useCase ?? '(none)'} / ${opts.variant ?? '(none)'}`,
      fix: 'add --use-case and --variant (see `territoires run` for the variant ids)',
    });
  }
  const result = runSobol(run, {
    scenario: opts.scenario,
    useCase: opts.useCase,
    variant: opts.variant,
    perspective: opts.perspective,
    metric: opts.metric,
    n: positiveInteger(opts.n, '--n'),
    top,
    seed: Number(opts.seed),
  });
  if (opts.json) {
    process.stdout.write(toJson({ method: 'sobol', ...result }));
    return 0;
  }
  process.stdout.write(
    `${result.useCase} — ${result.variant}, ${result.perspective}, ${result.metric}, ${result.scenario}: n = ${result.n} (${result.evaluations} ${fr ? 'évaluations' : 'evaluations'}); ` +
      `${result.factors.length} ${fr ? 'grandeurs retenues par le tornado' : 'quantities screened in by the tornado'}, ${result.heldFixed} ${fr ? 'fixées à leur valeur de base' : 'held at their base value'}\n\n`,
  );
  process.stdout.write(
    table(
      [fr ? 'grandeur' : 'quantity', 'S1', 'IC 95 %', 'ST', 'IC 95 %'],
      result.factors.map((f) => [
        f.name,
        formatNumber(f.first, 2, opts.lang),
        `${formatNumber(f.firstCi[0], 2, opts.lang)} – ${formatNumber(f.firstCi[1], 2, opts.lang)}`,
        formatNumber(f.total, 2, opts.lang),
        `${formatNumber(f.totalCi[0], 2, opts.lang)} – ${formatNumber(f.totalCi[1], 2, opts.lang)}`,
      ]),
      [false, true, true, true, true],
    ) + '\n',
  );
  return 0;
}
