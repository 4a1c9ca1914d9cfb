// Tests of src/cli/portfolio.ts (kept beside the portfolio tests; tests/cli/portfolio.test.ts by the mirroring rule).
import { beforeAll, describe, it, expect, vi } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseEuroList, parseEuros, portfolioCommand, portfolioText } from '../../src/cli/portfolio.js';
import type { PortfolioResult } from '../../src/portfolio/portfolio.js';

interface Document {
  macc: { territory: string; useCase: string; variant: string; scenario: string; abatementCostEurPerTco2e: number; avoidedTco2e: number; cumulativeTco2e: number }[];
  selection: {
    scenario: string;
    candidates: { id: string; useCase: string; variant: string; capexEur: number; value: number }[];
    chosen: string[];
    capexEur: number;
    objectiveValue: number;
    method: string;
  };
  pooling?: unknown;
}

let exitCode: number;
let doc: Document;

beforeAll(async () => {
  // One run: the built-in example town (no file given), 2 M€, socio-economic NPV, JSON on stdout.
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    exitCode = await portfolioCommand([], { budget: 2_000_000, objective: 'socioEconomicNpv', json: true, lang: 'fr' });
  } finally {
    spy.mockRestore();
  }
  doc = JSON.parse(out) as Document;
});

describe('territoires portfolio --json', () => {
  it('prints {macc, selection} and nothing else for one territory', () => {
    expect(exitCode).toBe(0);
    expect(Object.keys(doc).sort()).toEqual(['macc', 'selection']);
    for (const m of doc.macc) {
      expect(m).toEqual(
        expect.objectContaining({
          useCase: expect.any(String),
          variant: expect.any(String),
          scenario: expect.any(String),
          abatementCostEurPerTco2e: expect.any(Number),
          avoidedTco2e: expect.any(Number),
        }),
      );
    }
    const s = doc.selection;
    expect(s.scenario).toBe('TEND');
    expect(typeof s.method).toBe('string');
    for (const c of s.candidates) {
      expect(c).toEqual(expect.objectContaining({ id: expect.any(String), useCase: expect.any(String), variant: expect.any(String), capexEur: expect.any(Number), value: expect.any(Number) }));
    }
  });

  it('sorts the MACC by abatement cost within each scenario, with the five scenarios and cumulative tonnes', () => {
    const scenarios = [...new Set(doc.macc.map((m) => m.scenario))];
    expect(scenarios).toEqual(['TEND', 'S1', 'S2', 'S3', 'S4']);
    for (const sc of scenarios) {
      const bars = doc.macc.filter((m) => m.scenario === sc);
      let sum = 0;
      for (let i = 0; i < bars.length; i++) {
        if (i > 0) expect(bars[i].abatementCostEurPerTco2e).toBeGreaterThanOrEqual(bars[i - 1].abatementCostEurPerTco2e);
        expect(bars[i].avoidedTco2e).toBeGreaterThan(0);
        sum += bars[i].avoidedTco2e;
        expect(bars[i].cumulativeTco2e).toBeCloseTo(sum, 6);
      }
    }
  });

  it('chooses at most one variant per use case within the budget, totals adding up', () => {
    const s = doc.selection;
    const byId = new Map(s.candidates.map((c) => [c.id, c]));
    for (const id of s.chosen) expect(byId.has(id)).toBe(true);
    const useCases = s.chosen.map((id) => byId.get(id)!.useCase);
    expect(new Set(useCases).size).toBe(useCases.length);
    const capex = s.chosen.reduce((a, id) => a + byId.get(id)!.capexEur, 0);
    const value = s.chosen.reduce((a, id) => a + byId.get(id)!.value, 0);
    expect(s.capexEur).toBeCloseTo(capex, 6);
    expect(s.capexEur).toBeLessThanOrEqual(2_000_000);
    expect(s.objectiveValue).toBeCloseTo(value, 6);
    for (const id of s.chosen) expect(byId.get(id)!.value).toBeGreaterThan(0);
  });

  it('renders the same result as a French table', () => {
    const text = portfolioText(doc as unknown as PortfolioResult, 1, 'fr');
    expect(text).toMatch(/^Portefeuille — 1 territoire\(s\), scénario TEND, objectif : VAN socio-économique, budget 2\s000 k€/); // fr-FR groups thousands with a narrow no-break space
    expect(text).toContain('Variantes retenues');
    expect(text).toContain('Variantes écartées');
    expect(text).toContain("Courbe des coûts d'abattement (MACC), scénario TEND");
    for (const id of doc.selection.chosen) expect(text).toContain(id.split('/')[2]);
  });
});

describe('portfolioCommand input checks', () => {
  it('refuses a bad budget or objective before running anything', async () => {
    await expect(portfolioCommand([], { budget: -5, objective: 'npv', lang: 'fr' })).rejects.toThrow(InputError);
    await expect(portfolioCommand([], { budget: 'beaucoup', objective: 'npv', lang: 'fr' })).rejects.toThrow(/invalid amount for --budget/);
    await expect(portfolioCommand([], { budget: '', objective: 'npv', lang: 'fr' })).rejects.toThrow(/the budget is missing/);
    await expect(portfolioCommand([], { budget: 1e6, objective: 'irr' as 'npv', lang: 'fr' })).rejects.toThrow(/unknown objective irr/);
  });

  it('refuses a phasing window longer than the yearly caps given', async () => {
    // two caps → start years 0 and 1 only: --max-delay 3 asks for four
    await expect(portfolioCommand([], { budget: 1e6, objective: 'npv', lang: 'fr', yearlyCap: '1M;1M', maxDelay: '3' })).rejects.toThrow(/invalid --max-delay 3/);
    await expect(portfolioCommand([], { budget: 1e6, objective: 'npv', lang: 'fr', yearlyCap: '1M', maxDelay: '-1' })).rejects.toThrow(InputError);
  });

  it('refuses a territory file that does not exist', async () => {
    await expect(portfolioCommand(['/nonexistent/territory.yaml'], { budget: 1e6, objective: 'npv', lang: 'fr' })).rejects.toThrow(InputError);
  });
});

describe('parseEuros', () => {
  it('reads amounts as users write them', () => {
    expect(parseEuros('2000000')).toBe(2_000_000);
    expect(parseEuros('2 000 000')).toBe(2_000_000);
    expect(parseEuros('2e6')).toBe(2_000_000);
    expect(parseEuros('1,5M€')).toBe(1_500_000); // documentation example: 1.5 × 1,000,000
    expect(parseEuros('750k')).toBe(750_000);
    expect(parseEuros('0')).toBe(0);
  });

  it('refuses what is not an amount ≥ 0', () => {
    expect(() => parseEuros('-5')).toThrow(InputError);
    expect(() => parseEuros('deux millions')).toThrow(/invalid amount for --budget/);
    expect(() => parseEuros('12x', '--yearly-cap')).toThrow(/--yearly-cap/);
  });

  it('reads lists of yearly caps', () => {
    expect(parseEuroList('500k;1,2M')).toEqual([500_000, 1_200_000]); // documentation example
    expect(parseEuroList('500000,800000')).toEqual([500_000, 800_000]);
  });
});
