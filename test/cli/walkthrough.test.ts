// `micrograd walkthrough` as a real process: the post's printed lines, gradients and rough work.
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('micrograd walkthrough', () => {
  const r = runCli(['walkthrough']);
  const lines = r.stdout.split('\n');

  it('exits 0 with nothing on stderr', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it("prints the neuron's five lines exactly as the post does, in order", () => {
    const start = lines.indexOf('Value(data=-6.0)');
    expect(lines.slice(start, start + 5)).toEqual([
      'Value(data=-6.0)',
      'Value(data=0.0)',
      'Value(data=-6.0)',
      'Value(data=0.88137358)',
      'Value(data=0.707106777676776)',
    ]);
  });

  it('prints every leaf gradient after backward', () => {
    // Math: with o = tanh(n), do/dn = 1 - o²; x1.grad = w1·(1 - o²) etc.
    const dn = 1 - 0.707106777676776 ** 2;
    const grads = Object.fromEntries(
      lines.flatMap((l) => {
        const m = /^(\w+)\.grad = (\S+)$/.exec(l);
        return m ? [[m[1], Number(m[2])]] : [];
      }),
    );
    expect(Object.keys(grads).sort()).toEqual(['b', 'w1', 'w2', 'x1', 'x2']);
    expect(grads['x1']).toBeCloseTo(-3 * dn, 14);
    expect(grads['w1']).toBeCloseTo(2 * dn, 14);
    expect(grads['x2']).toBeCloseTo(dn, 14);
    expect(grads['w2']).toBe(0);
    expect(grads['b']).toBeCloseTo(dn, 14);
  });

  it('prints the exp-form lines and the side-by-side gradients', () => {
    expect(r.stdout).toContain('Value(data=5.828427042920401)');
    const table = lines.filter((l) => /^(x1|w1|x2|w2|b)\s+\S+\s+\S+\s+\S+$/.test(l));
    expect(table).toHaveLength(5);
    for (const row of table) {
      const [, tanhGrad, expGrad] = row.split(/\s+/);
      expect(Math.abs(Number(tanhGrad) - Number(expGrad))).toBeLessThan(1e-12);
    }
  });

  it('prints the rough-work results', () => {
    expect(r.stdout).toContain('Value(data=0.5)');
    expect(r.stdout).toMatch(/a\.grad = 2\.0/);
    expect(r.stdout).toMatch(/a\.grad = -3\.0, b\.grad = -8\.0/);
    expect(r.stdout).toContain('Value(data=4.0)');
  });
});

describe('micrograd with bad arguments', () => {
  it('an unknown command gives one clear line and a non-zero exit, no stack trace', () => {
    const r = runCli(['no-such-command']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command 'no-such-command'/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
