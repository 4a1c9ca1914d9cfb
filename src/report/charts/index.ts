/**
 * Charts of the report: eight chart functions that turn RunResults into chart.js configurations (plain data,
 * deterministic), three more for the uncertainty of a run with draws (tornado, fan, probabilities), a renderer to
 * PNG/SVG on @napi-rs/canvas, and the set of charts a report needs.
 */

// Rendering
export { chartsForReport, fontsDir, renderChart, type RenderOptions, type ReportChart } from './render.js';

// Chart functions
export { npvByScenarioChart, type NpvByScenarioOptions } from './npvByScenarioChart.js';
export { cumulativeCashFlowChart, type CumulativeCashFlowOptions } from './cumulativeCashFlowChart.js';
export { carbonWaterfallChart, type CarbonWaterfallOptions } from './carbonWaterfallChart.js';
export { yearlyEmissionsChart, type YearlyEmissionsOptions } from './yearlyEmissionsChart.js';
export { maccChart, type MaccOptions } from './maccChart.js';
export { digitalBalanceChart, type DigitalBalanceOptions } from './digitalBalanceChart.js';
export {
  scenarioMetricTable,
  scenarioMetricTableData,
  scenarioMetricTableHeight,
  TABLE_METRICS,
  type MetricTable,
  type MetricTableRow,
  type ScenarioMetricTableOptions,
  type TableMetric,
} from './scenarioMetricTable.js';
export { decretTertiaireChart, type DecretTertiaireOptions } from './decretTertiaireChart.js';

// Uncertainty charts (when the run has draws: `territoires run --draws N`)
export { tornadoChart, tornadoChartHeight, type TornadoChartOptions } from './tornadoChart.js';
export { fanChart, type FanChartOptions } from './fanChart.js';
export { probabilityChart, probabilityChartHeight, type ProbabilityChartOptions } from './probabilityChart.js';
export { quantityLabel, quantityValue } from './uncertaintyCommon.js';

// Shared pieces
export { featuredVariant, type CommonChartOptions } from './common.js';
export { formatNumber, tickFormatter } from './format.js';
export { type Lang } from './labels.js';
export { OKABE_ITO } from './palette.js';
