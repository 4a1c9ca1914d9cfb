/**
 * Generates examples/data/ecole-gaz-mensuel.csv, a SYNTHETIC monthly gas series for a school (see README.md
 * beside it). Deterministic: same seed, same file.
 *
 *     npx tsx examples/data/ecole-gaz-mensuel.generate.ts > examples/data/ecole-gaz-mensuel.csv
 *
 * Weather: daily mean temperature = monthly normal + a monthly anomaly N(0, 1.5 °C) + a daily deviation
 * N(0, 3 °C); DJU (base 18 °C) = Σ_days max(18 − T_day, 0); t_ext_c = the month's mean of T_day.
 * Gas [kWh]: 150 kWh/day × days (hot water, kitchen) + 90 kWh/DJU × DJU (heating) + N(0, 1,200 kWh);
 * from January 2024 (after a building-automation upgrade) the heating slope is 72 kWh/DJU (−20 %).
 */

/** mulberry32, a small seeded generator (uniform in [0, 1)). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a uniform generator. */
function normal(u: () => number): () => number {
  return () => {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return r * Math.cos(2 * Math.PI * u());
  };
}

export const GENERATOR = {
  seed: 20240101,
  firstYear: 2022,
  years: 3,
  reportingFromYear: 2024,
  /** Monthly normals [°C], January to December, of a made-up northern-French city. */
  normalsC: [5.0, 5.8, 8.9, 11.6, 15.3, 18.5, 20.7, 20.4, 17.0, 13.0, 8.5, 5.6],
  monthlyAnomalySdC: 1.5,
  dailySdC: 3.0,
  baseTempC: 18,
  baseLoadKwhPerDay: 150,
  heatingKwhPerDju: 90,
  heatingKwhPerDjuAfter: 72,
  noiseSdKwh: 1200,
};

export function generate(): string {
  const g = GENERATOR;
  const z = normal(mulberry32(g.seed));
  const fr = (x: number, d: number) => x.toFixed(d).replace('.', ',');
  const lines = ['mois;jours;t_ext_c;dju_18;gaz_kwh'];
  for (let year = g.firstYear; year < g.firstYear + g.years; year++) {
    for (let month = 0; month < 12; month++) {
      const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      const anomaly = g.monthlyAnomalySdC * z();
      let dju = 0;
      let sumT = 0;
      for (let d = 0; d < days; d++) {
        const t = g.normalsC[month] + anomaly + g.dailySdC * z();
        sumT += t;
        dju += Math.max(g.baseTempC - t, 0);
      }
      const slope = year >= g.reportingFromYear ? g.heatingKwhPerDjuAfter : g.heatingKwhPerDju;
      const gas = g.baseLoadKwhPerDay * days + slope * dju + g.noiseSdKwh * z();
      lines.push([`${year}-${String(month + 1).padStart(2, '0')}`, days, fr(sumT / days, 1), fr(dju, 1), Math.round(gas)].join(';'));
    }
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1] && process.argv[1].endsWith('ecole-gaz-mensuel.generate.ts')) process.stdout.write(generate());
