/**
 * Types of scenario data once loaded: numbers converted into each entry's unit, years sorted, and each entry
 * tagged with where it comes from (pack id, file, line).
 */
import type { Confidence, ParameterSpec } from '../core/parameter.js';
import type { SourceDocument } from '../io/yaml.js';
import type { CarbonValuePath } from './required.js';
import type { Interpolation, Localised, ParameterFileDocument, ReferenceDocument, ScenarioPackDocument } from './schema.js';

/** Where an entry of a resolved pack comes from. */
export interface EntryOrigin {
  /** Pack id (`TEND`, `S1`…), or `reference:<id>` for reference data (`reference:carbon-value`). */
  pack: string;
  /** File the entry is written in. */
  file: string;
  /** Line of the entry's name in that file. */
  line?: number;
}

/** A trajectory with its points converted into `unit` and sorted by year. */
export interface ResolvedTrajectory {
  /** Unit of `values`: the canonical unit (TRAJECTORY_UNITS) when the name has one, else the declared unit. */
  unit: string;
  /** The unit written in the file, when it differs from `unit` (values were converted). */
  declaredUnit?: string;
  interpolation: Interpolation;
  /** Calendar years of the points, strictly increasing. */
  years: number[];
  /** Values at `years`, in `unit`. */
  values: number[];
  description?: Localised;
  source?: string;
  confidence: Confidence;
  note?: string;
  /** Multiplicative uncertainty band on the whole path [fraction]. */
  relativeRange?: { low: number; high: number };
}

export interface TrajectoryEntry extends ResolvedTrajectory {
  origin: EntryOrigin;
}

/**
 * A parameter of a pack or of reference data: a ParameterSpec (its `description` is the English text, as in model
 * defaults files) with the description in French and English.
 */
export interface PackParameter extends ParameterSpec {
  localisedDescription?: Localised;
}

export interface ParameterEntry extends PackParameter {
  origin: EntryOrigin;
}

/** Locates a path of the source document (1-based line), or its closest existing parent. */
export type LineOf = SourceDocument['lineOf'];

/** A scenario pack file, validated (structure and consistency) but not yet merged with its parents. */
export interface ScenarioPackFile {
  file: string;
  id: string;
  name: Localised;
  description: Localised;
  /** When the data were frozen (YYYY-MM-DD). */
  date: string;
  currency: 'EUR';
  /** Year of the constant euros of every price [year]. */
  priceBaseYear: number;
  extends?: string;
  trajectories: Record<string, TrajectoryEntry>;
  parameters: Record<string, ParameterEntry>;
  /** The document as validated by the schema (quantities not converted). */
  document: ScenarioPackDocument;
  lineOf: LineOf;
}

/** A reference data file, validated. */
export interface ReferenceFile {
  file: string;
  id: string;
  name: Localised;
  description: Localised;
  date?: string;
  trajectories: Record<string, TrajectoryEntry>;
  parameters: Record<string, ParameterEntry>;
  document: ReferenceDocument;
  lineOf: LineOf;
}

/** All reference files of a folder, their entries merged (names are unique across files). */
export interface ReferenceData {
  dir: string;
  files: ReferenceFile[];
  trajectories: Record<string, TrajectoryEntry>;
  parameters: Record<string, ParameterEntry>;
}

/** A scenario pack with `extends` flattened, the carbon value injected and reference parameters merged. */
export interface ResolvedPack {
  id: string;
  /** File of the pack itself (the last of the chain). */
  file: string;
  name: Localised;
  description: Localised;
  date: string;
  currency: 'EUR';
  priceBaseYear: number;
  /** Pack ids from the root to this pack, e.g. ['TEND', 'S1']. */
  chain: string[];
  /** Which official carbon value path `carbonValueEurPerTco2e` follows. */
  carbonValuePath: CarbonValuePath;
  trajectories: Record<string, TrajectoryEntry>;
  parameters: Record<string, ParameterEntry>;
}

/** A model defaults parameter: a ParameterSpec with a (required) description and the line it is written on. */
export interface ModelParameter extends ParameterSpec {
  description: string;
  line?: number;
}

/** A model defaults file (`models/<id>/parameters.yaml`), values converted into their declared units. */
export interface ParameterFile {
  file: string;
  model: string;
  parameters: Record<string, ModelParameter>;
  document: ParameterFileDocument;
}
