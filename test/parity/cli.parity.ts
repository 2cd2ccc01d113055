// `micrograd verify` and the walkthrough's ending against the installed PyTorch, as real processes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';

/** The rows `name  ours  torch  |difference|` of the comparison table. */
function rows(stdout: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of stdout.split('\n')) {
    const m = /^(o|x1\.grad|w1\.grad|x2\.grad|w2\.grad|b\.grad)\s+(\S+)\s+(\S+)\s+(\S+)$/.exec(line);
    if (m) out.set(m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])]);
  }
  return out;
}

describe('micrograd verify with PyTorch', () => {
  const r = runCli(['verify']);

  it('exits 0 and says both agree', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/PyTorch \d+\.\d+/);
    expect(r.stdout).toContain('micrograd-ts and PyTorch agree');
  });

  it('prints o and every leaf gradient side by side, with PyTorch equal to the walkthrough values', () => {
    const t = rows(r.stdout);
    expect([...t.keys()]).toEqual(['o', 'x1.grad', 'w1.grad', 'x2.grad', 'w2.grad', 'b.grad']);
    // Expected: tanh(0.88137358) and its derivative 1 − tanh² (the math), which PyTorch must print.
    const o = Math.tanh(2 * -3 + 0 * 1 + 6.88137358);
    const d = 1 - o * o;
    const expected: Record<string, number> = {
      o,
      'x1.grad': -3 * d,
      'w1.grad': 2 * d,
      'x2.grad': d,
      'w2.grad': 0,
      'b.grad': d,
    };
    for (const [name, [ours, torch, diff]] of t) {
      expect(torch).toBeCloseTo(expected[name]!, 12);
      expect(ours).toBeCloseTo(torch!, 12);
      expect(diff).toBe(Math.abs(ours! - torch!));
    }
  });
});

describe('micrograd walkthrough with PyTorch', () => {
  it('includes the same comparison, after the rough work and before the moons training', () => {
    const r = runCli(['walkthrough']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const agree = lines.indexOf('micrograd-ts and PyTorch agree (to 1e-12 relative).');
    expect(agree).toBeGreaterThan(lines.findIndex((l) => l.startsWith('# Rough work')));
    expect(agree).toBeLessThan(lines.findIndex((l) => /moons/i.test(l)));
    expect(rows(r.stdout).size).toBe(6);
  });
});
