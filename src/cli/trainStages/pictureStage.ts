// pictureStage: the pictures of a run, chosen from what its dataset is (points in a plane, images, a table).

import { predictClass } from '../../nn/index.js';
import type { TopLevelSpec } from '../../viz/vegaLiteToSvg.js';
import type { DatasetKind } from '../loadDataset.js';
import { misclassifiedTiles } from '../misclassified.js';
import type { AtomicFiles } from '../AtomicFiles.js';
import type { TrainConfig } from '../trainRun.js';
import type { EvaluatedRun } from './evaluateStage.js';
import { shapeOf, type LoadedRun } from './loadStage.js';
import { pct, type TrainedRun } from './trainStage.js';

export type PictureName = 'decision-boundary' | 'curves' | 'misclassified';

/**
 * Which pictures a run draws: every run its loss curves; points in the plane their decision boundary;
 * images the held-out ones the model gets wrong (when some are held out).
 */
export function picturesFor(kind: DatasetKind, heldOut: boolean, regression = false): PictureName[] {
  const names: PictureName[] = [];
  // The pictures speak of classes (a boundary, an accuracy axis, wrong classes): none for regression yet.
  if (regression) return names;
  if (kind.kind === 'plane') names.push('decision-boundary');
  names.push('curves');
  if (kind.kind === 'images' && heldOut) names.push('misclassified');
  return names;
}

/** Draw and stage each picture as .svg and .png; a missing picture package throws MissingPackageError. */
export async function pictureStage(
  staged: AtomicFiles,
  cfg: TrainConfig,
  run: LoadedRun,
  trained: TrainedRun,
  result: EvaluatedRun,
): Promise<void> {
  const { model, data, testData, steps } = run;
  // Loaded here, not at the top: Vega and resvg take a second to load, which every other command would pay.
  const [{ vegaLiteToSvg }, { svgToPng }] = await Promise.all([
    import('../../viz/vegaLiteToSvg.js'),
    import('../../viz/svgToPng.js'),
  ]);
  const save = (name: string, svg: string): void => {
    staged.stage(`${name}.svg`, svg);
    staged.stage(`${name}.png`, svgToPng(svg));
  };
  const chart = async (name: string, spec: TopLevelSpec): Promise<void> =>
    save(name, await vegaLiteToSvg(spec));
  for (const name of picturesFor(cfg.kind, testData !== undefined, cfg.task === 'regression')) {
    switch (name) {
      case 'decision-boundary': {
        const { decisionBoundarySpec } = await import('../../viz/decisionBoundarySpec.js');
        const title = `${cfg.dataset}: ${shapeOf(model)} after ${steps} steps, accuracy ${pct(result.final.accuracy)}`;
        const classify = (a: number, b: number): number => predictClass(model.predict([a, b]));
        await chart(name, decisionBoundarySpec(classify, data.X, data.y, { title }));
        break;
      }
      case 'curves': {
        const { trainingCurvesSpec } = await import('../../viz/trainingCurvesSpec.js');
        const points = trained.log.map((r) => ({ step: r.step, loss: r.loss, accuracy: r.accuracy }));
        await chart(
          name,
          trainingCurvesSpec(points, `${cfg.dataset}: ${cfg.loss} loss and accuracy per step`),
        );
        break;
      }
      case 'misclassified': {
        // The test images the model gets wrong, true → predicted.
        const { digitGridSvg } = await import('../../viz/digitGridSvg.js');
        const test = testData!;
        const { tiles, wrong } = misclassifiedTiles(model, test);
        const side = cfg.kind.kind === 'images' ? cfg.kind.side : 8;
        save(
          name,
          digitGridSvg(tiles, {
            side,
            title: `${wrong} of ${test.X.length} test images misclassified (true → predicted)${wrong > tiles.length ? `, first ${tiles.length} shown` : ''}`,
          }),
        );
        break;
      }
    }
  }
}
