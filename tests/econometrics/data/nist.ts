/**
 * NIST Statistical Reference Datasets for linear least squares (StRD), transcribed with their certified values.
 * Index: https://www.itl.nist.gov/div898/strd/lls/lls.shtml ; data files under
 * https://www.itl.nist.gov/div898/strd/lls/data/LINKS/DATA/ (Norris.dat, Longley.dat, Wampler1.dat).
 *
 * Provenance of this transcription (the NIST pages themselves could not be fetched from here): each dataset was
 * read from public copies of the .dat files and cross-checked between independent copies:
 * - Norris: a full copy of Norris.dat (data and certified values) in a public test file, certified values
 *   matching the ones quoted in Apache Commons Math's and GSL's tests;
 * - Longley: the data and certified values as in Apache Commons Math's OLSMultipleLinearRegressionTest, the GSL
 *   Ruby bindings' test suite and a third public test file, all three identical;
 * - Wampler1: y = 1 + x + x² + x³ + x⁴ + x⁵ for x = 0, 1, …, 20 exactly (the file lists these integers);
 *   certified coefficients all exactly 1, residual standard deviation 0, R² 1.
 */

export interface CertifiedRegression {
  name: string;
  y: number[];
  x: number[][];
  xNames: string[];
  coefficients: number[];
  stdErrors: number[];
  residualSd: number;
  rSquared: number;
}

/** Norris (Calibration of Ozone Monitors), 36 observations, y = B0 + B1 x; lower level of difficulty. */
export const NORRIS: CertifiedRegression = {
  name: 'Norris',
  // prettier-ignore
  y: [0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9, 559.2, 0.3, 0.1, 778.1, 668.8, 339.3, 448.9, 10.8,
    557.7, 228.3, 998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9, 10.2, 117.6, 228.9, 668.4, 449.2, 0.2],
  // prettier-ignore
  x: [[0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0, 558.2, 0.4, 0.6, 775.5, 666.9, 338.0, 447.5, 11.6,
    556.0, 228.1, 995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0, 11.1, 118.3, 229.2, 669.1, 448.9, 0.5]],
  xNames: ['x'],
  coefficients: [-0.262323073774029, 1.00211681802045],
  stdErrors: [0.232818234301152, 0.429796848199937e-3],
  residualSd: 0.884796396144373,
  rSquared: 0.999993745883712,
};

/** Longley (1967), 16 observations, 6 predictors; higher level of difficulty (multicollinear). */
export const LONGLEY: CertifiedRegression = {
  name: 'Longley',
  y: [60323, 61122, 60171, 61187, 63221, 63639, 64989, 63761, 66019, 67857, 68169, 66513, 68655, 69564, 69331, 70551],
  x: [
    [83.0, 88.5, 88.2, 89.5, 96.2, 98.1, 99.0, 100.0, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2, 115.7, 116.9],
    [234289, 259426, 258054, 284599, 328975, 346999, 365385, 363112, 397469, 419180, 442769, 444546, 482704, 502601, 518173, 554894],
    [2356, 2325, 3682, 3351, 2099, 1932, 1870, 3578, 2904, 2822, 2936, 4681, 3813, 3931, 4806, 4007],
    [1590, 1456, 1616, 1650, 3099, 3594, 3547, 3350, 3048, 2857, 2798, 2637, 2552, 2514, 2572, 2827],
    [107608, 108632, 109773, 110929, 112075, 113270, 115094, 116219, 117388, 118734, 120445, 121950, 123366, 125368, 127852, 130081],
    [1947, 1948, 1949, 1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960, 1961, 1962],
  ],
  xNames: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'],
  coefficients: [-3482258.63459582, 15.0618722713733, -0.358191792925910e-1, -2.02022980381683, -1.03322686717359, -0.511041056535807e-1, 1829.15146461355],
  stdErrors: [890420.383607373, 84.9149257747669, 0.334910077722432e-1, 0.488399681651699, 0.214274163161675, 0.22607320006937, 455.478499142212],
  residualSd: 304.854073561965,
  rSquared: 0.995479004577296,
};

const W = Array.from({ length: 21 }, (_, x) => x);

/** Wampler1, 21 observations, 5th-degree polynomial, exact fit; higher level of difficulty. */
export const WAMPLER1: CertifiedRegression = {
  name: 'Wampler1',
  y: W.map((x) => 1 + x + x ** 2 + x ** 3 + x ** 4 + x ** 5),
  x: [1, 2, 3, 4, 5].map((k) => W.map((x) => x ** k)),
  xNames: ['x', 'x2', 'x3', 'x4', 'x5'],
  coefficients: [1, 1, 1, 1, 1, 1],
  stdErrors: [0, 0, 0, 0, 0, 0],
  residualSd: 0,
  rSquared: 1,
};
