import { describe, expect, it } from 'vitest';
import * as uncertainty from '../../src/uncertainty/index.js';

describe('src/uncertainty/index', () => {
  it('re-exports the public functions and constants', () => {
    const functions = [
      'createRng', 'rngFromState', 'chunkSeed', 'splitMix64',
      'normalPdf', 'normalCdf', 'normalQuantile', 'lnGamma', 'lnBeta', 'regularizedIncompleteBeta', 'betaQuantile',
      'quantile', 'compileQuantile', 'cdf', 'mean', 'variance', 'defaultDistribution', 'validateDistribution',
      'latinHypercube', 'randomUniforms', 'sampleColumns', 'planChunks', 'sampleChunk', 'sampleRun',
      'cholesky', 'imanConover', 'validateCorrelation', 'argsort', 'ranks', 'pearson', 'spearman', 'spearmanMatrix',
      'summarize', 'quantiles', 'quantileSorted', 'sortedDraws', 'drawMean', 'drawSd',
      'probability', 'probabilityBelow', 'probabilityAbove', 'tornado', 'tornadoBounds', 'sobol',
    ] as const;
    for (const name of functions) expect(typeof uncertainty[name], name).toBe('function');
    expect(uncertainty.DEFAULT_PERT_LAMBDA).toBe(4);
    expect(uncertainty.SUMMARY_PROBABILITIES).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
  });
});
