// Practice: the grads a session expects are backward()'s, nodes open up in backward order, answers are
// read and judged as documented, and the hints name the rule each op applies, then its numbers.
import { describe, expect, it } from 'vitest';
import { defineOp } from '../../src/index.js';
import { topoSort, Value } from '../../src/engine/value.js';
import { parse } from '../../src/expr/parse.js';
import { explainPass } from '../../src/walkthrough/explainPass.js';
import { buildExercise, makeExercise, EXERCISE_LEVELS } from '../../src/walkthrough/exercise.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import { Practice } from '../../src/walkthrough/practice.js';
import { isRight, readAnswer } from '../../src/walkthrough/practiceAnswer.js';
import { productOfSumExample, reuseExample } from '../../src/walkthrough/roughWork.js';

/** The asked nodes' names and expected grads, beside one plain backward() on a second copy of the graph. */
function expectBackwardGrads(make: () => Value): void {
  const p = new Practice(make());
  const twin = make();
  twin.backward();
  const order = topoSort(p.root);
  const twinOrder = topoSort(twin);
  expect(twinOrder.length).toBe(order.length);
  for (const v of p.nodes) {
    const i = order.indexOf(v);
    expect(p.expected(v), p.nameOf(v)).toBe(twinOrder[i]!.grad);
  }
}

const byName = (p: Practice, name: string): Value => {
  const v = p.nodes.find((n) => p.nameOf(n) === name);
  if (v === undefined) throw new Error(`no node ${name}`);
  return v;
};

describe('Practice: the answers are one backward() pass', () => {
  it("for the post's neuron, its exp form and the rough work", () => {
    expectBackwardGrads(() => buildNeuron('tanh').o);
    expectBackwardGrads(() => buildNeuron('exp').o);
    expectBackwardGrads(() => {
      const a = new Value(3, { label: 'a' });
      return a.add(a);
    });
    expectBackwardGrads(() => {
      const a = new Value(-2, { label: 'a' });
      const b = new Value(3, { label: 'b' });
      return a.mul(b).mul(a.add(b));
    });
  });

  it('for 100 exercises at every level', () => {
    for (const level of EXERCISE_LEVELS)
      for (let seed = 0; seed < 100; seed++)
        expectBackwardGrads(() => buildExercise(makeExercise(seed, level)));
  });

  it("gives the post's numbers for the neuron (x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5, to 1e-3)", () => {
    const p = new Practice(buildNeuron('tanh').o);
    const post = { o: 1, nn: 0.5, x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5 };
    for (const [name, grad] of Object.entries(post))
      expect(isRight(grad, p.expected(byName(p, name))), name).toBe(true);
  });

  it('asks about computed nodes and named inputs, not constants', () => {
    const x = new Value(1.5, { label: 'x' });
    const p = new Practice(x.mul(2).exp());
    expect(p.nodes.map((v) => v.op)).toEqual(['exp', '*', '']);
    expect(p.nodes.at(-1)).toBe(x);
  });
});

describe('Practice: order and readiness', () => {
  it('opens the output first, then each node once every node using it is done', () => {
    const p = new Practice(buildNeuron('tanh').o);
    const o = byName(p, 'o');
    const nn = byName(p, 'nn');
    const x1 = byName(p, 'x1');
    expect(p.ready()).toEqual([o]);
    expect(p.answer(nn, '0.5')).toEqual({ kind: 'not-ready', why: "nn's grad needs o's first" });
    expect(p.answer(o, '1').kind).toBe('right');
    expect(p.next()).toBe(nn);
    expect(p.isReady(x1)).toBe(false);
    expect(p.answer(o, '1').kind).toBe('not-ready');
  });

  it('a value used twice opens only when both of its users are done', () => {
    const { a, b } = reuseExample(); // b = a + a: one node uses a twice
    const p = new Practice(b);
    expect(p.isReady(a)).toBe(false);
    p.answer(b, '1');
    expect(p.isReady(a)).toBe(true);
    const { f, a: a2, d, e } = productOfSumExample();
    const q = new Practice(f);
    q.answer(f, String(q.expected(f)));
    q.answer(d, String(q.expected(d)));
    expect(q.isReady(a2)).toBe(false); // e, its other user, is still open
    q.reveal(e);
    expect(q.isReady(a2)).toBe(true);
  });

  it('ends done, with a summary of first-time answers, hints and reveals', () => {
    const p = new Practice(buildNeuron('tanh').o);
    expect(p.answer(byName(p, 'o'), '1').kind).toBe('right');
    const nn = byName(p, 'nn');
    expect(p.answer(nn, '0.7071').kind).toBe('wrong');
    expect(p.answer(nn, '0.5').kind).toBe('right');
    p.reveal(byName(p, 'b'));
    for (let v = p.next(); v !== undefined; v = p.next())
      expect(p.answer(v, String(p.expected(v))).kind).toBe('right');
    expect(p.done).toBe(true);
    const s = p.summary();
    expect(s).toMatchObject({ total: 10, rightFirstTime: 8, hintsUsed: 1, revealed: 1 });
    // The pass as the stepper writes it: the same lines `micrograd graph --explain` prints after its header.
    const explained = explainPass(buildNeuron('tanh').o);
    const from = explained.indexOf(s.pass[0]!);
    expect(explained.slice(from, from + s.pass.length)).toEqual(s.pass);
    expect(s.pass).toContain(
      '  ∂o/∂nn = 1 − o**2 = 1 − 0.7071**2 = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000 (now 0.5000)',
    );
  });

  it('starts from the progress it is given (the page rebuilds it on every change)', () => {
    const first = new Practice(buildNeuron('tanh').o);
    const o = byName(first, 'o');
    first.answer(o, '1');
    const again = new Practice(buildNeuron('tanh').o, {
      progress: (v) => (v.label === 'o' ? first.progressOf(o) : undefined),
    });
    expect(again.next()?.label).toBe('nn');
  });
});

describe('Practice: hints', () => {
  it("for the neuron's nn: first the rule 1 − o**2, then the numbers 1 − 0.7071**2 = 0.5 times upstream 1", () => {
    const p = new Practice(buildNeuron('tanh').o);
    p.answer(byName(p, 'o'), '1');
    const nn = byName(p, 'nn');
    const wrong = p.answer(nn, '1');
    expect(wrong.kind).toBe('wrong');
    const [rule, numbers] = p.hints(nn);
    expect(wrong.kind === 'wrong' && wrong.hint).toBe(rule);
    expect(rule).toContain(
      'o = tanh(nn): the local derivative of tanh is 1 − o², one minus the output squared',
    );
    expect(rule).toContain('∂o/∂nn = 1 − o**2');
    expect(rule).toContain('nn.grad = ∂o/∂nn × o.grad');
    expect(numbers).toBe('∂o/∂nn = 1 − 0.7071**2 = 0.5000, times upstream o.grad = 1.0000: 0.5000.');
    expect(p.hint(nn)).toBe(numbers);
    expect(p.hint(nn)).toBe(numbers); // the last hint again, not past the end
    expect(p.progressOf(nn).hints).toBe(2);
  });

  it('the output: its grad is 1', () => {
    const p = new Practice(buildNeuron('tanh').o);
    expect(p.hints(p.root)).toEqual([
      "∂o/∂o = 1: o.grad = 1.0000, the output's derivative with respect to itself.",
    ]);
  });

  // The rule each op's local derivative follows, from calculus: d(a+b)/da = 1, d(ab)/da = b,
  // d(a^k)/da = k·a^(k−1), tanh' = 1 − tanh², exp' = exp, relu' = [out > 0], log' = 1/a, σ' = σ(1 − σ).
  const RULES: Array<[op: string, build: (x: Value, w: Value) => Value, rule: string]> = [
    ['add', (x, w) => x.add(w), 'the local derivative of + is 1 for each input (∂y/∂x = 1)'],
    [
      'mul',
      (x, w) => x.mul(w),
      'the local derivative of * with respect to one input is the other input: ∂y/∂x = w',
    ],
    ['pow', (x) => x.pow(3), 'the power rule, ∂(a**k)/∂a = k·a**(k − 1): ∂y/∂x = 3·x**2'],
    [
      'tanh',
      (x) => x.tanh(),
      'the local derivative of tanh is 1 − y², one minus the output squared (∂y/∂x = 1 − y**2)',
    ],
    ['exp', (x) => x.exp(), 'the local derivative of exp is exp itself: ∂y/∂x = y'],
    [
      'relu',
      (x) => x.relu(),
      'the local derivative of ReLU is 1 where its output is positive and 0 elsewhere: ∂y/∂x = 1 if y > 0 else 0',
    ],
    ['log', (x) => x.log(), 'the local derivative of log is 1/a: ∂y/∂x = 1 / x'],
    ['sigmoid', (x) => x.sigmoid(), 'the local derivative of sigmoid is out·(1 − out): ∂y/∂x = y·(1 − y)'],
    // sqrt' = 1/(2√a), |a|' = sgn(a), sin' = cos, cos' = −sin, ∂(a^b)/∂a = b·a^(b−1).
    [
      'sqrt',
      (x) => x.sqrt(),
      'the local derivative of sqrt is 1 / (2·sqrt(a)), that is 1 / (2·out): ∂y/∂x = 1 / (2·y)',
    ],
    [
      'abs',
      (x) => x.abs(),
      'the local derivative of abs is the sign of its input (1, −1, or 0 at 0): ∂y/∂x = sgn(x)',
    ],
    ['sin', (x) => x.sin(), 'the local derivative of sin is cos: ∂y/∂x = cos(x)'],
    ['cos', (x) => x.cos(), 'the local derivative of cos is −sin: ∂y/∂x = −sin(x)'],
    ['powValue', (x, w) => x.pow(w), 'the power rule with a Value exponent'],
  ];
  it.each(RULES)('%s: the first hint names its rule', (_, build, rule) => {
    const x = new Value(0.7, { label: 'x' });
    const w = new Value(-2, { label: 'w' });
    const y = build(x, w);
    y.label = 'y';
    const p = new Practice(y);
    p.answer(y, '1');
    expect(p.hints(x)[0]).toContain(rule);
  });

  it("an op of one's own (defineOp): the first hint gives the derivative it declares", () => {
    // softplus' = σ(x), stated by the definition itself.
    const softplus = defineOp({
      name: 'practiceSoftplus',
      forward: (x) => Math.log1p(Math.exp(x)),
      derivative: (x) => 1 / (1 + Math.exp(-x)),
      formula: 'σ(a)',
    });
    const x = new Value(0.7, { label: 'x' });
    const y = softplus(x);
    y.label = 'y';
    const p = new Practice(y);
    p.answer(y, '1');
    expect(p.hints(x)[0]).toContain(
      'practiceSoftplus is an op of its own, whose derivative it declares: ∂y/∂x = σ(x)',
    );
  });

  it('a reused value: its grad is the sum over its uses, with each use and the sum written out', () => {
    const p = new Practice(parse('a*b + a').build({ a: 2, b: -3 }, { labelSubexpressions: true }));
    const a = byName(p, 'a');
    const [rule, numbers] = p.hints(a);
    expect(rule).toMatch(/^a is used 2 times, so its grad is the sum over its uses: a\.grad = /);
    expect(rule).toContain('Use 1');
    expect(rule).toContain('Use 2');
    // d(ab + a)/da = b + 1 = -2: the uses give 1 and -3.
    expect(numbers).toMatch(/Sum over the uses: 1\.0000 \+ \(-3\.0000\) = -2\.0000\.$/);
  });
});

describe('readAnswer and isRight', () => {
  it('reads numbers, fractions and arithmetic; says why when it cannot', () => {
    for (const [text, x] of [
      ['-1.5', -1.5],
      ['−1.5', -1.5],
      [' 0.5 ', 0.5],
      ['.5', 0.5],
      ['1/2', 0.5],
      ['-3/2', -1.5],
      ['1e-3', 0.001],
      ['1 - 0.25**2', 0.9375],
      ['2·0.5', 1],
    ] as const)
      expect(readAnswer(text), text).toEqual({ ok: true, value: x });
    for (const text of ['', 'abc', '1,5', '1/0', '2 +']) expect(readAnswer(text).ok, text).toBe(false);
    expect(readAnswer('w1')).toEqual({
      ok: false,
      why: 'type a number, not a name (w1): such as -1.5 or 1/2',
    });
  });

  it('right within 1e-3 relative, or at the four decimals shown', () => {
    expect(isRight(1.0009, 1)).toBe(true);
    expect(isRight(1.0011, 1)).toBe(false);
    expect(isRight(-1.5, -1.5000000148906993)).toBe(true);
    expect(isRight(1.5, -1.5)).toBe(false);
    expect(isRight(0, 0)).toBe(true);
    expect(isRight(0.00004, 0)).toBe(true);
    expect(isRight(0.0001, 0)).toBe(false);
  });
});

describe('Practice: bad input', () => {
  it('names what was wrong', () => {
    expect(() => new Practice(3 as unknown as Value)).toThrow(TypeError);
    expect(() => new Practice(new Value(1), { ask: 1 as unknown as () => boolean })).toThrow(/opts\.ask/);
    expect(() => new Practice(new Value(1), { progres: () => undefined } as object)).toThrow(
      /unknown option "progres"/,
    );
    const p = new Practice(new Value(1));
    expect(() => p.expected(new Value(2))).toThrow(RangeError);
  });
});
