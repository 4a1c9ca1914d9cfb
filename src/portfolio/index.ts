/**
 * Portfolio: several use cases and territories in one run — marginal abatement cost curve, budget-constrained
 * choice of variants (exact multiple-choice knapsack with phasing), and the effect of pooling the shared digital
 * infrastructure among communes.
 */

// Marginal abatement cost curve
export { macc, againstStatusQuo, type MaccRow, type MaccOptions } from './macc.js';

// Budget-constrained choice
export {
  selectPortfolio,
  DEFAULT_MAX_DELAY_YEARS,
  type SelectionCandidate,
  type SelectionOptions,
  type SelectionOutcome,
  type ChosenCandidate,
  type LeftOutReason,
} from './select.js';

// Mutualisation of the shared digital infrastructure
export {
  poolingEffect,
  type PoolFigures,
  type PoolingOptions,
  type PoolingFigures,
  type PoolingRow,
  type PoolingCommune,
  type PoolingReport,
} from './pooling.js';

// The whole portfolio
export {
  runPortfolio,
  selectFromResults,
  OBJECTIVES,
  type Objective,
  type PortfolioOptions,
  type PortfolioCandidate,
  type PortfolioSelection,
  type PortfolioSelectionOptions,
  type PortfolioResult,
} from './portfolio.js';
