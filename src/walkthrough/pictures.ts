// The walkthrough's pictures: the neuron's graph in both forms, the tanh plot and the rough-work graphs.

import type { Chart } from '../viz/Chart.js';
import { drawDot, type GraphDrawing } from '../viz/drawDot.js';
import { plotFunction } from '../viz/plotFunction.js';
import { buildNeuron } from './neuron.js';
import { productOfSumExample, reuseExample } from './roughWork.js';

export interface WalkthroughPicture {
  /** File name without extension, e.g. `neuron`. */
  name: string;
  /** What the picture shows, one line. */
  caption: string;
  picture: GraphDrawing | Chart;
}

/** Every picture the post draws, in the post's order, with backward already run where the post runs it. */
export function walkthroughPictures(): WalkthroughPicture[] {
  const neuron = buildNeuron('tanh');
  neuron.o.backward();
  const expForm = buildNeuron('exp');
  expForm.o.backward();
  return [
    {
      name: 'tanh',
      caption: 'plt.plot(np.arange(-5,5,0.2), np.tanh(np.arange(-5,5,0.2))); plt.grid()',
      picture: plotFunction(Math.tanh, { from: -5, to: 5, step: 0.2 }),
    },
    { name: 'neuron', caption: 'o = tanh(x1*w1 + x2*w2 + b) after o.backward()', picture: drawDot(neuron.o) },
    {
      name: 'neuron-exp',
      caption: 'the same neuron with tanh as (e - 1) / (e + 1), e = exp(2*nn), after o.backward()',
      picture: drawDot(expForm.o),
    },
    {
      name: 'rough-a-plus-a',
      caption: 'b = a + a after b.backward(): a.grad is 2',
      picture: drawDot(reuseExample().b),
    },
    {
      name: 'rough-product-of-sum',
      caption: 'f = (a*b) * (a+b) after f.backward()',
      picture: drawDot(productOfSumExample().f),
    },
  ];
}
