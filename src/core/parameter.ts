/**
 * Parameters: a value with a unit and its provenance.
 *
 * Every default the toolkit ships carries a `source` and a `confidence`. A value with no source is an
 * `assumption`: it says why (`note`) and carries a `range` wide enough for sensitivity analysis to show how much
 * it matters. The engine resolves each parameter through a trail of origins
 * (model default → scenario pack → territory → command-line override) and reports the trail in `results.json`.
 */

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low', 'assumption'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Low, most likely and high values, in the parameter's unit. */
export interface Range {
  low: number;
  mode?: number;
  high: number;
}

export type Distribution =
  | { type: 'uniform'; low: number; high: number }
  | { type: 'triangular'; low: number; mode: number; high: number }
  | { type: 'pert'; low: number; mode: number; high: number; lambda?: number }
  | { type: 'normal'; mean: number; sd: number; low?: number; high?: number }
  | { type: 'lognormal'; mu: number; sigma: number }
  | { type: 'discrete'; values: number[]; weights?: number[] };

/** A parameter as declared in a defaults file or a scenario pack. */
export interface ParameterSpec {
  value: number;
  unit: string;
  source?: string;
  confidence: Confidence;
  range?: Range;
  distribution?: Distribution;
  note?: string;
  description?: string;
  /** The description in French, for French reports. */
  descriptionFr?: string;
}

export const ORIGINS = ['default', 'scenario', 'territory', 'override', 'calibrated'] as const;
export type Origin = (typeof ORIGINS)[number];

export interface TrailStep {
  origin: Origin;
  value: number;
  /** Where this step's value comes from: a citation, a file, or `calibrated from data (sha256 …)`. */
  source: string | null;
  /** The file that set it, when any. */
  file?: string;
}

/** A parameter after resolution: the value the models use and how it got there. */
export interface ResolvedParameter {
  name: string;
  value: number;
  unit: string;
  origin: Origin;
  source: string | null;
  confidence: Confidence;
  range?: Range;
  distribution?: Distribution;
  note?: string;
  description?: string;
  descriptionFr?: string;
  trail: TrailStep[];
}

/** A table of parameters by name, as the engine hands it to models (`p.name`). */
export type ParameterValues = Readonly<Record<string, number>>;
