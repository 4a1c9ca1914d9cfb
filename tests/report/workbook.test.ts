import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/paths.js';
import type { RunResults } from '../../src/evaluate/engine.js';
import { irr, npv } from '../../src/finance/index.js';
import { recommend } from '../../src/evaluate/recommend.js';
import { columnLetter, renderWorkbook } from '../../src/report/workbook.js';
import { exampleRun } from './fixtures.js';

let results: RunResults;
let wb: ExcelJS.Workbook;
let bytes: Buffer;

/** |a − b| ≤ 1e-6 × max(1, |b|). */
function expectRelClose(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

type FormulaValue = { formula: string; result?: number | { error: string } };
const formulaOf = (v: ExcelJS.CellValue): FormulaValue => {
  expect(v && typeof v === 'object' && 'formula' in v, JSON.stringify(v)).toBe(true);
  return v as unknown as FormulaValue;
};
const columnNumber = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Numbers of row `row` from column `from` to column `to` (letters). */
function rowValues(ws: ExcelJS.Worksheet, row: number, from: string, to: string): number[] {
  const out: number[] = [];
  for (let c = columnNumber(from); c <= columnNumber(to); c++) out.push(ws.getCell(row, c).value as number);
  return out;
}

beforeAll(async () => {
  results = await exampleRun();
  bytes = await renderWorkbook(results, { lang: 'fr' });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

describe('renderWorkbook: sheets, headers, frozen panes, formats', () => {
  it('writes an XLSX (zip) with the six sheets', () => {
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Indicateurs', 'Flux', 'Paramètres', 'Trajectoires', 'Flux des variantes']);
  });

  it('freezes the header rows of every sheet', () => {
    const expected: Record<string, number> = { Synthèse: 7, Indicateurs: 1, Flux: 1, Paramètres: 1, Trajectoires: 1, 'Flux des variantes': 1 };
    for (const ws of wb.worksheets) {
      const view = ws.views[0] as { state?: string; ySplit?: number };
      expect(view.state, ws.name).toBe('frozen');
      expect(view.ySplit, ws.name).toBe(expected[ws.name]);
    }
  });

  it('puts units in headers and number formats on the cells (Indicateurs)', () => {
    const ws = wb.getWorksheet('Indicateurs')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    for (const h of ['VAN (€)', 'TRI (%)', 'Émissions évitées (tCO2e)', 'Temps de retour (ans)', 'Coût d’abattement (€/tCO2e)']) expect(header).toContain(h);
    const npvCol = header.indexOf('VAN (€)') + 1;
    const irrCol = header.indexOf('TRI (%)') + 1;
    expect(ws.getCell(2, npvCol).numFmt).toBe('#,##0 "€"');
    expect(ws.getCell(2, irrCol).numFmt).toBe('0.0%');
    // One row per result, the engine's numbers as they are; a metric that does not exist is an empty cell.
    expect(ws.rowCount).toBe(results.results.length + 1);
    results.results.forEach((r, i) => {
      expect(ws.getCell(2 + i, npvCol).value, `row ${i}`).toBe(r.metrics.npvEur);
      expect(ws.getCell(2 + i, irrCol).value ?? null, `row ${i}`).toBe(r.metrics.irr);
    });
  });

  it('lists the recommendations in the summary sheet', () => {
    const ws = wb.getWorksheet('Synthèse')!;
    const recs = recommend(results).recommendations;
    expect(ws.getCell(7, 3).value).toBe('Variante recommandée');
    recs.forEach((r, i) => {
      const name = results.variants.find((v) => v.useCase === r.useCase && v.id === r.variant)!.name.fr;
      expect(ws.getCell(8 + i, 3).value).toBe(name);
      expect(ws.getCell(8 + i, 5).value ?? null).toBe(r.figures?.financialNpvEur ?? null);
    });
  });
});

describe('renderWorkbook: audit formulas in the Flux sheet', () => {
  // Blocks follow results.results in order: a title row (key in the column after Total), the discount rate, the
  // series (cash flow first), then « VAN (€) » and « TRI (%) ».
  const n = () => results.results[0].yearly.year.length;

  it('has the years as column headers, then Total', () => {
    const ws = wb.getWorksheet('Flux')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Évaluation / série', ...results.results[0].yearly.year, 'Total', 'Clé']);
  });

  it('holds, per evaluation, an NPV formula whose cached result is the engine’s and whose cells give it back', () => {
    const ws = wb.getWorksheet('Flux')!;
    const npvRows: number[] = [];
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === 'VAN (€)') npvRows.push(r);
    });
    expect(npvRows).toHaveLength(results.results.length);
    const lastLetter = columnLetter(1 + n());
    npvRows.forEach((r, k) => {
      const res = results.results[k];
      const f = formulaOf(ws.getCell(r, 2).value);
      const m = /^NPV\(B(\d+),C(\d+):([A-Z]+)(\d+)\)\+B(\d+)$/.exec(f.formula);
      expect(m, f.formula).not.toBeNull();
      const [, rateRow, cashRow, last, cashRow2, cashRow3] = m!;
      expect(cashRow2).toBe(cashRow);
      expect(cashRow3).toBe(cashRow);
      expect(last).toBe(lastLetter);
      // The block is the one of this result (its key), the rate is the perspective's discount rate.
      expect(ws.getCell(Number(rateRow) - 1, n() + 3).value).toBe(`${res.useCase}|${res.variant}|${res.comparedTo}|${res.scenario}|${res.perspective}`);
      const rateName = res.perspective === 'financial' ? 'financialDiscountRate' : 'socioEconomicDiscountRate';
      const rate = ws.getCell(Number(rateRow), 2).value as number;
      expect(rate).toBe(results.parameters.find((p) => p.name === rateName && p.useCase === res.useCase)!.value);
      expect(ws.getCell(Number(cashRow), 1).value).toBe('Flux de trésorerie incrémental (€)');
      // Cached result = the engine's NPV.
      expectRelClose(f.result as number, res.metrics.npvEur, `cached NPV ${k}`);
      // The cells of the range give the same NPV with the project's npv (numpy-financial convention)…
      const flows = rowValues(ws, Number(cashRow), 'B', lastLetter);
      expect(flows).toEqual(res.yearly.cashFlowEur);
      expectRelClose(npv(rate, flows), f.result as number, `npv of cells ${k}`);
      // …and Excel's NPV over C…, which discounts its first value once, plus B (year 0) is the same sum.
      const excelNpv = flows.slice(1).reduce((s, v, i) => s + v / (1 + rate) ** (i + 1), 0);
      expectRelClose(excelNpv + flows[0], f.result as number, `Excel mapping ${k}`);
    });
  });

  it('holds an IRR formula over the same cells, its cached result the engine’s IRR (#NUM! when none)', () => {
    const ws = wb.getWorksheet('Flux')!;
    let checked = 0;
    let none = 0;
    let k = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value !== 'TRI (%)') return;
      const res = results.results[k++];
      const f = formulaOf(ws.getCell(r, 2).value);
      const m = /^IRR\(B(\d+):([A-Z]+)(\d+),B(\d+)\)$/.exec(f.formula);
      expect(m, f.formula).not.toBeNull();
      const flows = rowValues(ws, Number(m![1]), 'B', m![2]);
      expect(flows).toEqual(res.yearly.cashFlowEur);
      if (res.metrics.irr === null) {
        expect(f.result).toEqual({ error: '#NUM!' });
        none++;
      } else {
        expectRelClose(f.result as number, res.metrics.irr, `cached IRR ${k}`);
        if (!res.metrics.irrMultiple) {
          expectRelClose(irr(flows), f.result as number, `irr of cells ${k}`);
          checked++;
        }
      }
    });
    expect(k).toBe(results.results.length);
    expect(checked).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(0); // the water variants never pay back for the budget: no IRR
  });

  it('totals each series with SUM; the avoided-emissions total is the engine’s metric', () => {
    const ws = wb.getWorksheet('Flux')!;
    const totalCol = n() + 2;
    const lastLetter = columnLetter(1 + n());
    let k = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value !== 'Émissions évitées (tCO2e)') return;
      const res = results.results[k++];
      const f = formulaOf(ws.getCell(r, totalCol).value);
      expect(f.formula).toBe(`SUM(B${r}:${lastLetter}${r})`);
      expectRelClose(f.result as number, res.metrics.avoidedTco2e, `avoided ${k}`);
      const cells = rowValues(ws, r, 'B', lastLetter);
      expectRelClose(
        cells.reduce((s, v) => s + v, 0),
        f.result as number,
        `sum of cells ${k}`,
      );
    });
    expect(k).toBe(results.results.length);
  });
});

describe('renderWorkbook: parameters and trajectories', () => {
  it('lists every parameter with its source and confidence', () => {
    const ws = wb.getWorksheet('Paramètres')!;
    expect(ws.rowCount).toBe(results.parameters.length + 1);
    expect((ws.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['Usage', 'Scénario', 'Nom', 'Description', 'Valeur']);
    results.parameters.forEach((p, i) => {
      expect(ws.getCell(2 + i, 3).value).toBe(p.name);
      expect(ws.getCell(2 + i, 5).value).toBe(p.value);
      // Sources quoting a file of the package show it relative to the package (no author's folder in a report).
      expect(ws.getCell(2 + i, 10).value).toBe(p.source === null ? 'pas de source — hypothèse' : p.source.split(`${packageRoot()}/`).join(''));
    });
    let absolute = 0;
    ws.eachRow((row) => row.eachCell((c) => void (String(c.value).includes(packageRoot()) && absolute++)));
    expect(absolute).toBe(0);
  });

  it('gives the scenario trajectories by year', () => {
    const ws = wb.getWorksheet('Trajectoires')!;
    const t = results.trajectories!;
    const count = results.manifest.scenarios.reduce((s, id) => s + Object.keys(t[id]).length, 0);
    expect(count).toBeGreaterThan(0);
    expect(ws.rowCount).toBe(count + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(7)).toEqual(results.results[0].yearly.year);
    const row = ws.getRow(2).values as unknown[];
    const [scenario, name] = [row[1] as string, row[2] as string];
    expect(row.slice(8)).toEqual(t[scenario][name].values);
  });

  it('gives the raw flows of every variant, the status quo included', () => {
    const ws = wb.getWorksheet('Flux des variantes')!;
    const rows = results.flows.reduce((s, f) => s + Object.keys(f.series).length, 0);
    expect(ws.rowCount).toBe(rows + 1);
    const kinds = new Set<unknown>();
    ws.eachRow((r, i) => i > 1 && kinds.add(r.getCell(4).value));
    expect(kinds).toContain('statusQuo');
  });

  it('is written in English with lang en', async () => {
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await renderWorkbook(results, { lang: 'en' })) as unknown as ArrayBuffer);
    expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'Metrics', 'Yearly', 'Parameters', 'Scenarios', 'Variant flows']);
    expect((en.getWorksheet('Metrics')!.getRow(1).values as unknown[]).includes('NPV (€)')).toBe(true);
  });
});
