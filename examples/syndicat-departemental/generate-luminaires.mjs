// Generates luminaires.csv, the public-lighting inventory of the fictitious syndicat départemental: one row per
// member commune and lamp type, as a syndicat's GIS export would give it.
//
//   node examples/syndicat-departemental/generate-luminaires.mjs
//
// Deterministic (seeded generator): running it again rewrites the same file byte for byte.
//
// What is fixed (from examples-lighting derivations, ../shared/reference/parameters.md §5a):
// - 200 communes, ≈150,000 inhabitants (assumption: 750 per commune on average), 1 light point per 6 inhabitants
//   → 25,000 points: SHP (sodium haute pression) 17,500 (70 %), BF (ballon fluorescent, mercury) 2,500 (10 %),
//   IM (iodures métalliques, metal-halide) 1,250 (5 %), LED 3,750 (15 %). Each type's total is exact.
// - Power incl. ballast: SHP 170 W, BF 140 W, IM 170 W, LED 50 W; BF lamps are relamped every 3 years.
// What is drawn (assumptions, for a plausible spread): commune sizes (log-normal, a few bourgs), the share of each
// type per commune (some communes renovated to LED, mercury left in about half of them, metal-halide only in the
// largest), and the age of each row in 5-year (LED: 2-year) steps, so that the count-weighted mean ages come out
// near 22 (SHP), 30 (BF), 15 (IM) and 6 (LED) years.
// INSEE codes are fictitious (département "00", which does not exist); names are invented from syllables and any
// resemblance to a real commune is coincidental.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COMMUNES = 200;
const INHABITANTS = 150000;
const TOTALS = { SHP: 17500, BF: 2500, IM: 1250, LED: 3750 };
const POWER_W = { SHP: 170, BF: 140, IM: 170, LED: 50 };
const AGES = { SHP: [12, 17, 22, 27, 32], BF: [25, 30, 35], IM: [10, 15, 20], LED: [2, 4, 6, 8, 10] };
const LAMP_LIFETIME_YEARS = { BF: 3 };

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into integers proportional to `weights` (largest remainder), summing to `total` exactly. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) out[order[k][1]] += 1;
  return out;
}

const random = generator(2026);
const pick = (list) => list[Math.floor(random() * list.length)];

// Invented names: a start, an end and sometimes a qualifier, each used once.
const STARTS = ['Vau', 'Mont', 'Ber', 'Chan', 'Lan', 'Sau', 'Four', 'Mar', 'Vil', 'Roche', 'Bel', 'Cour', 'Fon', 'Gra', 'Bru'];
const ENDS = ['bert', 'court', 'lieu', 'ville', 'mond', 'gnac', 'sac', 'ières', 'ay', 'oux', 'anges', 'eval'];
const QUALIFIERS = ['', '', '', '-sur-Arnelle', '-le-Haut', '-en-Bocage', '-les-Bois'];
const names = new Set();
while (names.size < COMMUNES) names.add(pick(STARTS) + pick(ENDS) + pick(QUALIFIERS));

// Commune sizes: log-normal around a median of ≈450 inhabitants (Box–Muller), scaled to the syndicat's total.
const raw = Array.from({ length: COMMUNES }, () => {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.exp(Math.log(450) + 0.9 * z);
});
const population = apportion(INHABITANTS, raw);
const bourgThreshold = [...population].sort((a, b) => b - a)[Math.floor(COMMUNES * 0.15)];

// Share of each type in each commune (before apportioning the exact totals).
const shares = population.map((p) => {
  const led = random() * 0.4;
  const bf = random() < 0.5 ? 0.1 + random() * 0.3 : 0;
  const im = p > bourgThreshold ? 0.05 + random() * 0.1 : 0;
  return { SHP: Math.max(0, 1 - led - bf - im), BF: bf, IM: im, LED: led };
});
const counts = {};
for (const type of Object.keys(TOTALS)) {
  counts[type] = apportion(TOTALS[type], population.map((p, i) => (p / 6) * shares[i][type]));
}

const communeNames = [...names];
const lines = ['commune_insee;commune;type_lampe;puissance_w;nombre;age_ans;duree_vie_lampe_ans'];
for (let i = 0; i < COMMUNES; i++) {
  for (const type of Object.keys(TOTALS)) {
    const n = counts[type][i];
    if (n === 0) continue;
    const code = `00${String(i + 1).padStart(3, '0')}`;
    lines.push([code, communeNames[i], type, POWER_W[type], n, pick(AGES[type]), LAMP_LIFETIME_YEARS[type] ?? ''].join(';'));
  }
}
writeFileSync(fileURLToPath(new URL('luminaires.csv', import.meta.url)), lines.join('\n') + '\n');
