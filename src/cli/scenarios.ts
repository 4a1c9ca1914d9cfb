/**
 * `territoires scenarios list | show ID | diff A B`.
 */
import { yearAxis } from '../core/time.js';
import { diffPacks, loadScenarioPacks, resolvePack, seriesForPack } from '../scenario/index.js';
import { toJson } from '../io/writers.js';
import { formatNumber, table, type Lang } from './output.js';

const DEFAULT_YEARS = [2025, 2030, 2040, 2050];

function years(opts: { years?: string[] }): number[] {
  return opts.years && opts.years.length ? opts.years.map(Number) : DEFAULT_YEARS;
}

export async function scenariosList(opts: { json?: boolean; lang: Lang }): Promise<number> {
  const packs = loadScenarioPacks();
  const rows = [...packs.values()].map((p) => ({ id: p.id, name: p.name, extends: p.extends ?? null, date: p.date, file: p.file }));
  if (opts.json) {
    process.stdout.write(toJson(rows));
    return 0;
  }
  process.stdout.write(
    table(
      ['id', opts.lang === 'fr' ? 'nom' : 'name', 'extends', 'date'],
      rows.map((r) => [r.id, r.name[opts.lang], r.extends ?? '', r.date]),
    ) + '\n',
  );
  return 0;
}

function digitsFor(values: number[]): number {
  const m = Math.max(...values.map((v) => Math.abs(v)));
  return m >= 100 ? 0 : m >= 1 ? 2 : 3;
}

export async function scenariosShow(id: string, opts: { json?: boolean; lang: Lang; years?: string[] }): Promise<number> {
  const pack = resolvePack(id, loadScenarioPacks());
  const ys = years(opts);
  const axis = yearAxis(Math.min(...ys), Math.max(1, Math.max(...ys) - Math.min(...ys)));
  const series = seriesForPack(pack, axis);
  const at = (name: string, y: number) => series[name][y - axis.startYear];
  if (opts.json) {
    process.stdout.write(
      toJson({
        id: pack.id,
        name: pack.name,
        description: pack.description,
        chain: pack.chain,
        priceBaseYear: pack.priceBaseYear,
        carbonValuePath: pack.carbonValuePath,
        trajectories: Object.fromEntries(
          Object.entries(pack.trajectories).map(([name, t]) => [
            name,
            { unit: t.unit, values: Object.fromEntries(ys.map((y) => [y, at(name, y)])), source: t.source ?? null, confidence: t.confidence, note: t.note ?? null, origin: t.origin },
          ]),
        ),
        parameters: pack.parameters,
      }),
    );
    return 0;
  }
  const lang = opts.lang;
  const rows = Object.entries(pack.trajectories).map(([name, t]) => {
    const values = ys.map((y) => at(name, y));
    const d = digitsFor(values);
    return [name, t.unit, ...values.map((v) => formatNumber(v, d, lang)), t.confidence, t.origin.pack];
  });
  process.stdout.write(`${pack.id} — ${pack.name[lang]} (${pack.chain.join(' → ')})\n${pack.description[lang]}\n\n`);
  process.stdout.write(
    table(['trajectory', 'unit', ...ys.map(String), 'confidence', 'pack'], rows, [false, false, ...ys.map(() => true), false, false]) + '\n',
  );
  return 0;
}

export async function scenariosDiff(a: string, b: string, opts: { json?: boolean; lang: Lang; years?: string[] }): Promise<number> {
  const packs = loadScenarioPacks();
  const rows = diffPacks(resolvePack(a, packs), resolvePack(b, packs), years(opts));
  if (opts.json) {
    process.stdout.write(toJson(rows));
    return 0;
  }
  const lang = opts.lang;
  process.stdout.write(
    table(
      ['name', 'year', 'unit', a, b, 'Δ', 'Δ %'],
      rows.map((r) => [
        r.name,
        r.year === undefined ? '' : String(r.year),
        r.unit,
        formatNumber(r.a, 3, lang),
        formatNumber(r.b, 3, lang),
        formatNumber(r.delta, 3, lang),
        r.relative === null ? '—' : formatNumber(r.relative * 100, 1, lang),
      ]),
      [false, false, false, true, true, true, true],
    ) + '\n',
  );
  return 0;
}
