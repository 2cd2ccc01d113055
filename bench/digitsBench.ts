// The bench's digits part: the digits-epoch rows interleaved round by round, then `micrograd train --dataset digits`.
import { digitsCommand, type DigitsCommandResult } from './digitsCommand.js';
import { digitsRows } from './digitsRows.js';
import type { DigitsResult } from './report.js';
import { spread } from './stats.js';

export async function digitsBench(
  quick: boolean,
  log: (msg: string) => void,
): Promise<{ digits: DigitsResult; command: DigitsCommandResult; torch: string }> {
  // The same interleaving as the demo table, one process per engine.
  const digits = await digitsRows();
  log(
    `digits: ${digits.samples} samples, batch ${digits.batchSize}, ${digits.nodesPerEpoch} eager nodes per epoch`,
  );
  for (const row of digits.rows) await row.run(1);
  const digitRounds = quick ? 3 : 5;
  const digitSamples = digits.rows.map(() => [] as number[]);
  const pyPerNode: number[] = [];
  for (let r = 0; r < digitRounds; r++) {
    for (const [i, row] of digits.rows.entries()) digitSamples[i]!.push(await row.run(row.batch));
    // Python micrograd's step takes seconds: measured in the first rounds only.
    if (r < 2) pyPerNode.push(await digits.pythonMsPerNode());
    log(`digits round ${r + 1}/${digitRounds}`);
  }
  digits.close();
  const digitsTorchMs = spread(digitSamples[0]!).median;
  const pyMs = spread(pyPerNode).median;
  const result: DigitsResult = {
    samples: digits.samples,
    batchSize: digits.batchSize,
    nodesPerEpoch: digits.nodesPerEpoch,
    pythonNsPerNode: pyMs * 1e6,
    rows: digits.rows.map((row, i) => {
      const s = spread(digitSamples[i]!);
      return {
        name: row.name,
        msPerStep: s,
        ratioToTorch: s.median / digitsTorchMs,
        firstLoss: row.firstLoss,
      };
    }),
    pythonEstimateMs: pyMs * digits.nodesPerEpoch,
  };
  return { digits: result, command: await digitsCommand(quick ? 1 : 3, log), torch: digits.torch };
}
