/**
 * `territoires run --draws N`: the run also computes its uncertainty (Monte Carlo and tornado), results.json gains
 * `uncertainty`, and the report an uncertainty section with its charts; without --draws nothing changes. Two small
 * runs (TEND, lighting) shared by the assertions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliOutcome } from './helpers.js';

interface Summary {
  p10: number | null;
  p90: number | null;
}
interface McRow {
  useCase: string;
  variant: string;
  comparedTo: string;
  scenario: string;
  perspective: string;
  metrics: { npvEur: Summary };
  probabilities: { npvPositive: number; netNegative: number; both: number };
}
interface Doc {
  manifest: { seed: number | null };
  results: { useCase: string; variant: string; scenario: string; perspective: string }[];
  variants: { useCase: string; id: string; kind: string; name: { fr: string } }[];
  uncertainty?: {
    montecarlo: { draws: number; seed: number; method: string; quantities: { name: string }[]; results: McRow[] };
    tornado: { scenario: string; outputs: { useCase: string; variant: string; rows: { name: string; swing: number }[] }[] };
  };
}

let withDraws: CliOutcome;
let without: CliOutcome;
let drawsDir: string;
let plainDir: string;
let doc: Doc;
let html: string;

/** The HTML of one section, or '' when it is absent. */
function section(text: string, id: string): string {
  const start = text.indexOf(`<section id="${id}"`);
  return start < 0 ? '' : text.slice(start, text.indexOf('</section>', start));
}

/** What a sentence says for a probability p over the draws (the rule of the report, written out by hand). */
function phrase(p: number): string {
  const n = Math.round(p * 10);
  if (p === 1) return 'dans tous les tirages';
  if (p === 0) return 'dans aucun tirage';
  if (n === 10) return 'dans plus de 9 cas sur 10';
  if (n === 0) return 'dans moins d’un cas sur 10';
  return `dans ${n} cas sur 10`;
}

beforeAll(async () => {
  const root = tempDir();
  drawsDir = join(root, 'draws');
  plainDir = join(root, 'plain');
  withDraws = await runCli(['run', '--draws', '20', '--scenarios', 'TEND', '--use-cases', 'lighting', '--format', 'html,json', '--out', drawsDir]);
  without = await runCli(['run', '--scenarios', 'TEND', '--use-cases', 'lighting', '--format', 'html,json', '--out', plainDir]);
  doc = JSON.parse(readFileSync(join(drawsDir, 'results.json'), 'utf8')) as Doc;
  html = readFileSync(join(drawsDir, 'report.html'), 'utf8');
}, 120_000);

describe('run --draws 20 --scenarios TEND --use-cases lighting', () => {
  it('succeeds and writes results.json with `uncertainty`: 20 draws, seed 1 (default), recorded in the manifest', () => {
    expect(withDraws.code, withDraws.stderr).toBe(0);
    const u = doc.uncertainty!;
    expect(u).toBeDefined();
    expect([u.montecarlo.draws, u.montecarlo.seed, u.montecarlo.method]).toEqual([20, 1, 'lhs']);
    expect(doc.manifest.seed).toBe(1);
    expect(u.montecarlo.quantities.length).toBeGreaterThan(10);
  });

  it('summarises every comparison against the status quo, and ranks at most 10 quantities per output on TEND', () => {
    const u = doc.uncertainty!;
    // One Monte Carlo row per variant (besides the status quo) and perspective, under the one scenario.
    const variants = doc.variants.filter((v) => v.useCase === 'lighting' && v.kind !== 'statusQuo');
    expect(u.montecarlo.results).toHaveLength(2 * variants.length);
    for (const r of u.montecarlo.results) {
      expect(r.comparedTo).toBe('status-quo');
      expect(r.metrics.npvEur.p10!).toBeLessThanOrEqual(r.metrics.npvEur.p90!);
    }
    expect(u.tornado.scenario).toBe('TEND');
    // NPV and net tCO2e, for each variant and perspective.
    expect(u.tornado.outputs).toHaveLength(2 * 2 * variants.length);
    for (const o of u.tornado.outputs) {
      expect(o.rows.length).toBeLessThanOrEqual(10);
      for (let i = 1; i < o.rows.length; i++) expect(o.rows[i].swing).toBeLessThanOrEqual(o.rows[i - 1].swing);
    }
  });

  it('writes a report with the uncertainty section and its three charts', () => {
    const unc = section(html, 'incertitudes');
    expect(unc).toContain('<h2>Incertitudes</h2>');
    for (const id of ['tornado-lighting', 'fan-lighting', 'probability-lighting']) expect(unc, id).toMatch(new RegExp(`<figure class="chart" id="chart-${id}"><img src="data:image/png;base64,`));
    expect(unc).toContain('20 tirages (graine 1)');
    expect(unc).toContain('Avec 20 tirages');
  });

  it('reads « N cas sur 10 » as round(p × 10) of the probabilities in results.json', () => {
    const unc = section(html, 'incertitudes');
    // With one scenario, each reading is one paragraph: « …, la VAN socio-économique de « NAME » est positive sous TEND … ».
    const sentences = [...unc.matchAll(/<p>([^<]*VAN socio-économique de « ([^»]+) » (?:est|n’est) positive[^<]*)<\/p>/g)];
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    for (const [, sentence, name] of sentences) {
      const variant = doc.variants.find((v) => v.useCase === 'lighting' && v.name.fr === name)!;
      const row = (perspective: string) => doc.uncertainty!.montecarlo.results.find((r) => r.variant === variant.id && r.perspective === perspective)!;
      const soc = row('socioEconomic');
      const npv = phrase(soc.probabilities.npvPositive);
      if (soc.probabilities.npvPositive === 0) expect(sentence).toContain('n’est positive dans aucun tirage sous TEND');
      else expect(sentence.startsWith(npv.charAt(0).toUpperCase() + npv.slice(1) + ', ')).toBe(true);
      const carbon = soc.probabilities.netNegative === 0 ? 'elle n’évite des émissions dans aucun tirage' : `elle évite des émissions ${phrase(soc.probabilities.netNegative)}`;
      expect(sentence).toContain(carbon);
      expect(sentence).toContain(`la VAN financière ${row('financial').probabilities.npvPositive === 0 ? 'n’est positive dans aucun tirage' : `est positive ${phrase(row('financial').probabilities.npvPositive)}`}`);
    }
  });
});

describe('run without --draws', () => {
  it('changes nothing: no `uncertainty` in results.json, no uncertainty section, no seed', () => {
    expect(without.code, without.stderr).toBe(0);
    const plain = JSON.parse(readFileSync(join(plainDir, 'results.json'), 'utf8')) as Doc;
    expect('uncertainty' in plain).toBe(false);
    expect(plain.manifest.seed).toBeNull();
    const text = readFileSync(join(plainDir, 'report.html'), 'utf8');
    expect(text).not.toContain('id="incertitudes"');
    expect(text).not.toContain('chart-tornado');
  });
});

describe('run --draws: bad usage', () => {
  it('rejects --seed or --threads without --draws, and --draws 0, with exit code 2 and nothing written', async () => {
    const dir = join(tempDir(), 'never');
    const seed = await runCli(['run', '--seed', '3', '--scenarios', 'TEND', '--use-cases', 'lighting', '--out', dir]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('--seed needs --draws');
    const threads = await runCli(['run', '--threads', '2', '--use-cases', 'lighting', '--out', dir]);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain('--threads needs --draws');
    const zero = await runCli(['run', '--draws', '0', '--use-cases', 'lighting', '--out', dir]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('invalid --draws');
    expect(existsSync(dir)).toBe(false);
  });
});
