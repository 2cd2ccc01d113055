// micrograd's demo notebook loop as a user writes it in a script of their own: plain JavaScript, the package
// imported by name, a loss() function, a top-level for loop, every step printed. The benchmark runs this file
// unchanged in a fresh process per run, with no flags, under each runtime (and in a Chromium page), and reads
// the timings from its last line.
import { MLP, Value, makeMoons } from 'micrograd-ts';

const { X, y: classes } = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
const y = classes.map((c) => c * 2 - 1); // max-margin's -1/+1 targets
const model = new MLP(2, [16, 16, 1], { seed: 1337 });

function loss() {
  const inputs = X.map((row) => row.map((x) => new Value(x)));
  const scores = inputs.map((x) => model.forward(x)[0]);
  const losses = scores.map((score, i) => score.mul(-y[i]).add(1).relu());
  let dataLoss = new Value(0);
  for (const l of losses) dataLoss = dataLoss.add(l);
  dataLoss = dataLoss.mul(1.0 / losses.length);
  const alpha = 1e-4;
  let regLoss = new Value(0);
  for (const p of model.parameters()) regLoss = regLoss.add(p.mul(p));
  const totalLoss = dataLoss.add(regLoss.mul(alpha));
  const accuracy = scores.filter((s, i) => s.data > 0 === y[i] > 0).length / y.length;
  return [totalLoss, accuracy];
}

const msPerStep = [];
const t0 = performance.now();
for (let k = 0; k < 100; k++) {
  const start = performance.now();
  const [totalLoss, acc] = loss();
  model.zeroGrad();
  totalLoss.backward();
  const learningRate = 1.0 - (0.9 * k) / 100;
  for (const p of model.parameters()) p.data -= learningRate * p.grad;
  msPerStep.push(performance.now() - start);
  console.log(`step ${k} loss ${totalLoss.data}, accuracy ${acc * 100}%`);
}
console.log(JSON.stringify({ msPerStep, totalMs: performance.now() - t0 }));
