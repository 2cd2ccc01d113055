// Pictures: graph tracing, DOT text and its SVG/PNG rendering, Vega-Lite charts.
export { trace, type Trace } from './trace.js';
export {
  drawDot,
  GraphDrawing,
  DEFAULT_MAX_NODES,
  DEFAULT_MAX_LAYOUT_NODES,
  MAX_DOT_NODES,
  type DrawDotOptions,
  type Rankdir,
} from './drawDot.js';
export type { LayoutCost } from './layoutCost.js';
export { dotToSvg } from './graphviz.js';
export { formatFixed } from './formatFixed.js';
export { formatCompact, COMPACT_EXPONENT_FROM } from './formatCompact.js';
export { vegaLiteToSvg, type TopLevelSpec } from './vegaLiteToSvg.js';
export type { PictureFormat } from './picture.js';
export type { PngOptions } from './svgToPng.js';
export { Chart } from './Chart.js';
export { lineChart, lineChartSpec, CHART_CONFIG, type Series, type LineChartOptions } from './lineChart.js';
export { plotFunction, arange, type PlotFunctionOptions } from './plotFunction.js';
export { decisionBoundary, type Predictor, type DecisionBoundaryOptions } from './decisionBoundary.js';
