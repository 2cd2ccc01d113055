// trainingCurvesSpec: loss (log scale) and accuracy against the step, side by side, as a Vega-Lite spec.

import type { TopLevelSpec as VegaLiteSpec } from 'vega-lite';
import type { TopLevelSpec } from './topLevelSpec.js';

export interface CurvePoint {
  step: number;
  loss: number;
  accuracy: number;
}

export function trainingCurvesSpec(points: readonly CurvePoint[], title?: string): TopLevelSpec {
  const values = points.map((p) => ({ step: p.step, loss: p.loss, accuracy: p.accuracy }));
  // A log scale cannot show a loss of 0 (max-margin without a penalty reaches it): fall back to linear.
  const logScale = points.every((p) => p.loss > 0);
  const step = { field: 'step', type: 'quantitative', title: 'step', axis: { tickMinStep: 1 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...(title === undefined ? {} : { title: { text: title, fontSize: 14, anchor: 'middle' } }),
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: '#888' } },
    data: { values },
    hconcat: [
      {
        width: 320,
        height: 220,
        title: logScale ? 'loss (log scale)' : 'loss',
        mark: { type: 'line', color: '#4e79a7', strokeWidth: 2 },
        encoding: {
          x: step,
          y: {
            field: 'loss',
            type: 'quantitative',
            scale: { type: logScale ? 'log' : 'linear' },
            title: 'loss',
          },
        },
      },
      {
        width: 320,
        height: 220,
        title: 'accuracy',
        mark: { type: 'line', color: '#59a14f', strokeWidth: 2, interpolate: 'step-after' },
        encoding: {
          x: step,
          y: {
            field: 'accuracy',
            type: 'quantitative',
            scale: { domain: [0, 1] },
            axis: { format: '%' },
            title: 'accuracy',
          },
        },
      },
    ],
  } as VegaLiteSpec;
}
