// TopLevelSpec: a Vega-Lite spec, described by its top-level keys so the published types need no vega-lite.

/**
 * A Vega-Lite spec (any of vega-lite's `TopLevelSpec` forms: unit, layer, facet, repeat, concat). Written
 * out here, key by key, so that `micrograd-ts/viz` type-checks whether or not the optional vega-lite package
 * is installed; vega-lite's own `TopLevelSpec` is assignable to it, and Vega-Lite checks the contents when
 * the chart is drawn.
 */
export interface TopLevelSpec {
  /** URL of the Vega-Lite JSON schema the spec is written for. */
  $schema?: string;
  /** How the sub-charts of a grid (facet, repeat, concat) line up: `all`, `each` or `none`. */
  align?: unknown;
  /** How the chart's size accounts for its axes, legends and titles (`pad`, `fit`, `none`). */
  autosize?: unknown;
  /** Colour behind the whole chart (CSS colour). */
  background?: unknown;
  /** Which extent of a sub-chart counts when laying out a grid: `full` or `flush`. */
  bounds?: unknown;
  /** Whether sub-charts are centred in their grid cells. */
  center?: unknown;
  /** Number of columns of a facet, repeat or concat grid. */
  columns?: unknown;
  /** Charts laid out in a grid, `columns` wide. */
  concat?: unknown;
  /** Default style of every mark, axis, legend and title of the chart. */
  config?: unknown;
  /** The data: inline `{ values: [...] }`, `{ url }`, or `{ name }` of one of `datasets`. */
  data?: unknown;
  /** Named inline datasets, for `data: { name }`. */
  datasets?: unknown;
  /** A description of the chart, for screen readers. */
  description?: unknown;
  /** Which data field drives which visual channel (x, y, color, size, …). */
  encoding?: unknown;
  /** The field(s) that split the data into small multiples of `spec`. */
  facet?: unknown;
  /** Charts laid out side by side. */
  hconcat?: unknown;
  /** Height of the plot area in pixels. */
  height?: unknown;
  /** Charts drawn on top of each other, sharing their axes. */
  layer?: unknown;
  /** The mark drawn per data point: `line`, `point`, `bar`, `rect`, …, or an object with its style. */
  mark?: unknown;
  /** A name for the chart, for reference. */
  name?: unknown;
  /** Space around the chart in pixels. */
  padding?: unknown;
  /** Variables and selections (interactive charts). */
  params?: unknown;
  /** The map projection, for geographic data. */
  projection?: unknown;
  /** The fields to draw `spec` once for each of. */
  repeat?: unknown;
  /** Whether scales, axes and legends are shared or independent across layers and sub-charts. */
  resolve?: unknown;
  /** Pixels between the sub-charts of a grid. */
  spacing?: unknown;
  /** The chart a `facet` or `repeat` draws many times. */
  spec?: unknown;
  /** The chart's title: its text, or an object with the text and its style. */
  title?: unknown;
  /** Data transformations (filter, aggregate, calculate, …) applied before encoding. */
  transform?: unknown;
  /** Any metadata of your own; Vega-Lite ignores it. */
  usermeta?: unknown;
  /** Charts stacked top to bottom. */
  vconcat?: unknown;
  /** Style of the plot area: its background and border. */
  view?: unknown;
  /** Width of the plot area in pixels. */
  width?: unknown;
}
