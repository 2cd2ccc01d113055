// TopLevelSpec: a Vega-Lite spec, described by its top-level keys so the published types need no vega-lite.

/**
 * A Vega-Lite spec (any of vega-lite's `TopLevelSpec` forms: unit, layer, facet, repeat, concat). Written
 * out here, key by key, so that `micrograd-ts/viz` type-checks whether or not the optional vega-lite package
 * is installed; vega-lite's own `TopLevelSpec` is assignable to it, and Vega-Lite checks the contents when
 * the chart is drawn.
 */
export interface TopLevelSpec {
  $schema?: string;
  align?: unknown;
  autosize?: unknown;
  background?: unknown;
  bounds?: unknown;
  center?: unknown;
  columns?: unknown;
  concat?: unknown;
  config?: unknown;
  data?: unknown;
  datasets?: unknown;
  description?: unknown;
  encoding?: unknown;
  facet?: unknown;
  hconcat?: unknown;
  height?: unknown;
  layer?: unknown;
  mark?: unknown;
  name?: unknown;
  padding?: unknown;
  params?: unknown;
  projection?: unknown;
  repeat?: unknown;
  resolve?: unknown;
  spacing?: unknown;
  spec?: unknown;
  title?: unknown;
  transform?: unknown;
  usermeta?: unknown;
  vconcat?: unknown;
  view?: unknown;
  width?: unknown;
}
