// postLines: what the walkthrough prints for its neuron (reference/backprop-post.txt): the forward values,
// and Python micrograd's gradients, which the notebooks must reproduce wherever they run.
export const NEURON_LINES = [
  'Value(data=-6.0)',
  'Value(data=0.0)',
  'Value(data=-6.0)',
  'Value(data=0.88137358)',
];
export const GRADS = [
  'x1.grad = -1.5000000148906993',
  'w1.grad = 1.000000009927133',
  'x2.grad = 0.5000000049635664',
  'w2.grad = 0.0',
  'b.grad = 0.5000000049635664',
];
