/**
 * Uncertainty and sensitivity analysis: seeded random numbers, parameter distributions, Latin hypercube and
 * chunked sampling (same seed ⇒ same draws whatever the number of threads), Iman–Conover rank correlation,
 * summary statistics of draws, tornado (one-at-a-time) and Sobol' (variance-based) sensitivity.
 */

// Random numbers
export { createRng, rngFromState, chunkSeed, splitMix64, type Rng } from './rng.js';

// Special functions
export { normalPdf, normalCdf, normalQuantile } from './normal.js';
export { lnGamma, lnBeta, regularizedIncompleteBeta, betaQuantile } from './beta.js';

// Distributions
export {
  quantile,
  compileQuantile,
  cdf,
  mean,
  variance,
  defaultDistribution,
  validateDistribution,
  DEFAULT_PERT_LAMBDA,
} from './distributions.js';

// Sampling
export {
  latinHypercube,
  randomUniforms,
  sampleColumns,
  type SampleOptions,
  type SamplerInput,
  type SamplingMethod,
} from './lhs.js';
export { planChunks, sampleChunk, sampleRun, type Chunk, type ChunkOptions } from './chunks.js';

// Correlation
export { cholesky } from './cholesky.js';
export { imanConover, validateCorrelation } from './imanConover.js';
export { argsort, ranks, pearson, spearman, spearmanMatrix } from './rankCorrelation.js';

// Statistics of draws
export {
  summarize,
  quantiles,
  quantileSorted,
  sortedDraws,
  drawMean,
  drawSd,
  probability,
  probabilityBelow,
  probabilityAbove,
  SUMMARY_PROBABILITIES,
  type DrawSummary,
} from './statistics.js';

// Sensitivity
export { tornado, tornadoBounds, type TornadoRow, type TornadoResult } from './tornado.js';
export { sobol, type BatchModel, type SobolOptions, type SobolResult } from './sobol.js';
