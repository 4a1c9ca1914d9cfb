/**
 * The series of a flows record for the model tests: all of FLOW_SERIES (src/evaluate/model.ts), so that a test
 * checking "every series" covers those added later too. The optional ones (externalCostEur,
 * capexNotFctvaEligibleEur) are typed as present: every model builds its records with `emptyFlows`, which lays out
 * all of them, and a record without one fails the test that reads it.
 */
import { FLOW_SERIES } from '../../src/evaluate/model.js';

export const EVERY_FLOW_SERIES = FLOW_SERIES as readonly Exclude<(typeof FLOW_SERIES)[number], 'externalCostEur' | 'capexNotFctvaEligibleEur'>[];
