// `micrograd practice`: a session played through the built command's stdin, its hints and its numbers
// checked against the library's backward() on the same graph.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { formatCompact } from '../../src/viz/formatCompact.js';
import { buildExercise, makeExercise } from '../../src/walkthrough/exercise.js';
import { CLI, type CliResult } from './runCli.js';

/** Run `micrograd practice ...args` with `answers` typed on stdin, one per line. */
function practice(args: string[], answers: string[]): CliResult {
  const r = spawnSync(process.execPath, [CLI, 'practice', ...args], {
    encoding: 'utf8',
    input: answers.map((a) => `${a}\n`).join(''),
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('micrograd practice', () => {
  it("plays the post's neuron: o 1, a wrong nn gets the tanh rule, the leaves end it with the post's grads", () => {
    // The post's grads (its printout): o 1, nn 0.5, each + passes 0.5 on, x1 -1.5, w1 1, x2 0.5, w2 0.
    const answers = ['1', '1', '?', '0.5', '0.5', '0.5', '0.5', '0', '0.5', '0.5', '1', '-1.5'];
    const r = practice([], answers);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('o = tanh(nn) = tanh(0.8814) = 0.7071');
    expect(lines).toContain('grad of o: 1');
    expect(lines).toContain('  right: o.grad = 1.0000');
    expect(r.stdout).toContain(
      'grad of nn: 1\n  not 1. hint: o = tanh(nn): the local derivative of tanh is 1 − o², one minus the output squared (∂o/∂nn = 1 − o**2)',
    );
    expect(r.stdout).toContain(
      'grad of nn: ?\n  hint: ∂o/∂nn = 1 − 0.7071**2 = 0.5000, times upstream o.grad = 1.0000',
    );
    expect(r.stdout).toContain('grad of nn: 0.5\n  right: nn.grad = 0.5000');
    expect(r.stdout).toContain('grad of x1: -1.5\n  right: x1.grad = -1.5000');
    expect(r.stdout).toContain('grad of w2: 0\n  right: w2.grad = 0.0000');
    expect(lines).toContain('# done: 9 of 10 grads right first time, 2 hints used, 0 revealed');
    // Then the whole pass as `graph --explain` writes it.
    expect(lines).toContain(
      '  ∂(x1*w1)/∂x1 = w1 = -3.0000;  × upstream ∂o/∂(x1*w1) = 0.5000  →  x1.grad += -1.5000 (now -1.5000)',
    );
  });

  it("reveals an exercise's grads as the library's backward() gives them, and draws it the same each time", () => {
    const ex = makeExercise(7, 3);
    const root = buildExercise(ex);
    root.backward();
    const named = topoSort(root).filter((v) => v.label !== '');
    const r = practice(['--exercise', '7', '--level', '3'], Array<string>(30).fill('reveal'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`# exercise 7 at level 3: a = 1.4, b = 3, c = 0.8\n${ex.text}\n`);
    for (const v of named)
      expect(r.stdout).toContain(`  ${v.label}.grad = ${formatCompact(v.grad)} (revealed)`);
    expect(r.stdout).toMatch(/# done: 0 of (\d+) grads right first time, 0 hints used, \1 revealed/);
    expect(practice(['--exercise', '7', '--level', '3'], []).stdout.split('# backward')[0]).toBe(
      r.stdout.split('# backward')[0],
    );
  });

  it('stops at the end of input or on q, with the summary so far', () => {
    const r = practice(['tanh(x*w + b)', '--set', 'x=1,w=2,b=-1'], ['1', 'q']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('grad of tanh(x*w + b): 1\n  right:');
    expect(r.stdout).toContain('# stopped: 1 of 6 grads right first time, 0 hints used, 0 revealed');
    expect(practice([], []).stdout).toContain('# stopped: 0 of 10 grads');
  });

  it('says what it cannot read, and refuses a bad seed', () => {
    const r = practice([], ['1,5', 'one', '1']);
    expect(r.stdout).toContain(
      'grad of o: 1,5\n  "1,5" is not a number such as -1.5 or 1/2\ngrad of o: one\n  type a number, not a name (one): such as -1.5 or 1/2\ngrad of o: 1\n  right',
    );
    const bad = practice(['--exercise', '-3'], []);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--exercise: expected an integer from 0 to 4294967295, got "-3"');
    const both = practice(['a*b', '--exercise', '3'], []);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('give an expression or --exercise, not both');
    const level = practice(['--level', '3'], []);
    expect(level.status).toBe(1);
    expect(level.stderr).toContain('--level chooses an exercise’s difficulty: give --exercise SEED too');
  });
});
