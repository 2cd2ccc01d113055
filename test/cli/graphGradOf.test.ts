// `micrograd graph --grad-of NAME`: the graph of a derivative, drawn by the built CLI.
import { expect, it } from 'vitest';
import { runCli } from './runCli.js';

it('draws ∂/∂x as a graph whose root holds f′(x) and whose x holds f″(x) after backward', () => {
  const r = runCli(['graph', '--grad-of', 'x', 'x**3 + tanh(x)', '--set', 'x=0.5']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const t = Math.tanh(0.5);
  // The math: f′ = 3x² + (1 − t²), f″ = 6x − 2t(1 − t²), shown to 4 decimals.
  const f1 = (3 * 0.25 + (1 - t) * (1 + t)).toFixed(4);
  const f2 = (3 - 2 * t * (1 - t) * (1 + t)).toFixed(4);
  expect(r.stdout).toMatch(new RegExp(`d/dx \\| data ${f1} \\| grad 1\\.0000`));
  expect(r.stdout).toMatch(new RegExp(`x \\| data 0\\.5000 \\| grad ${f2}`));
  expect(r.stdout).toContain('**2'); // 3x² is recorded as x**2 * 3
});

it('refuses a name that is not a variable of the expression, naming it and the variables', () => {
  const r = runCli(['graph', '--grad-of', 'y', 'x**3', '--set', 'x=1']);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain('--grad-of y: not a variable of the expression (its variables: x)');
});
