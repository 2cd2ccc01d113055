// practice: backprop by hand — a session over a Value graph where the learner gives each grad in backward
// order and is checked, with hints taken from the stepper's rows (the page's Practice mode, `micrograd
// practice`).
//
// The session runs one fresh pass (grads from zero) up front, as the teaching views do, so afterwards
// every node holds one backward()'s grad: the answers. A node is ready once its grad is determined by what
// the learner already has: the output at once, any other node when every node that uses it is answered.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { BackwardStepper, type BackwardStep } from './backwardSteps.js';
import { passLines } from './explainPass.js';
import type { NameNode } from './nodeNames.js';
import { isRight, readAnswer } from './practiceAnswer.js';
import { hintsFor, usesOf, type Use } from './practiceHints.js';

/** Where the learner is with one node. */
export interface NodeProgress {
  /** 'right' once answered right, 'revealed' once given away; undefined while open. */
  readonly done?: 'right' | 'revealed' | undefined;
  /** Wrong answers so far. */
  readonly wrong: number;
  /** Hints shown so far. */
  readonly hints: number;
}

export interface PracticeOptions {
  /** Which nodes the learner is asked about; default every computed node and every labelled leaf. */
  readonly ask?: (v: Value) => boolean;
  /** A node's name in the hints (the stepper's option); default its label, else `t<i>`. */
  readonly name?: NameNode;
  /** Progress to start from (the page rebuilds its session from its state on every change). */
  readonly progress?: (v: Value) => NodeProgress | undefined;
}

/** What checking an answer found. */
export type Checked =
  | { readonly kind: 'right'; readonly value: number; readonly expected: number }
  | { readonly kind: 'wrong'; readonly value: number; readonly hint: string }
  | { readonly kind: 'unreadable'; readonly why: string }
  | { readonly kind: 'not-ready'; readonly why: string };

export interface PracticeSummary {
  /** Nodes asked about. */
  readonly total: number;
  /** Answered right with no wrong answer and no hint before. */
  readonly rightFirstTime: number;
  readonly hintsUsed: number;
  readonly revealed: number;
  /** The whole backward pass as the stepper writes it: each step, then its rows indented. */
  readonly pass: readonly string[];
}

const OPEN: NodeProgress = { wrong: 0, hints: 0 };
const defaultAsk = (v: Value): boolean => v.opName !== undefined || v.label !== '';

export class Practice {
  readonly root: Value;
  /** The nodes asked about, in backward order (the output first; a node after every node that uses it). */
  readonly nodes: readonly Value[];
  /** The pass's steps, the seed first. */
  readonly steps: readonly BackwardStep[];
  private readonly stepper: BackwardStepper;
  private readonly consumers = new Map<Value, Value[]>();
  private readonly progress = new Map<Value, NodeProgress>();

  constructor(root: Value, opts: PracticeOptions = {}) {
    if (!(root instanceof Value)) {
      throw new TypeError(`new Practice(root): expected a Value, got ${describe(root)}`);
    }
    checkOptions(opts, ['ask', 'name', 'progress'], 'new Practice(root, opts)');
    for (const key of ['ask', 'progress'] as const) {
      if (opts[key] !== undefined && typeof opts[key] !== 'function') {
        throw new TypeError(
          `new Practice: expected opts.${key} to be a function, got ${describe(opts[key])}`,
        );
      }
    }
    this.root = root;
    this.stepper = new BackwardStepper(root, opts.name === undefined ? {} : { name: opts.name });
    const steps: BackwardStep[] = [];
    for (let s = this.stepper.next(); s !== undefined; s = this.stepper.next()) steps.push(s);
    this.steps = steps;
    const ask = opts.ask ?? defaultAsk;
    this.nodes = [...this.stepper.order].reverse().filter((v) => v === root || ask(v));
    for (const v of this.stepper.order)
      for (const c of v.children) {
        const list = this.consumers.get(c) ?? [];
        list.push(v);
        this.consumers.set(c, list);
      }
    for (const v of this.nodes) this.progress.set(v, opts.progress?.(v) ?? OPEN);
  }

  /** The name a node goes by in the hints. */
  nameOf(v: Value): string {
    return this.stepper.nameOf(v);
  }

  /** The node's true grad (one fresh backward pass). */
  expected(v: Value): number {
    this.check(v, 'expected');
    return v.grad;
  }

  progressOf(v: Value): NodeProgress {
    this.check(v, 'progressOf');
    return this.progress.get(v)!;
  }

  /** True when the node's grad is determined by grads the learner has: every node using it is done. */
  isReady(v: Value): boolean {
    this.check(v, 'isReady');
    return (this.consumers.get(v) ?? []).every((c) => this.progress.get(c)?.done !== undefined);
  }

  /** Ready nodes still open, in backward order. */
  ready(): Value[] {
    return this.nodes.filter((v) => this.progress.get(v)!.done === undefined && this.isReady(v));
  }

  /** The next node to ask about: the first ready open node in backward order. */
  next(): Value | undefined {
    return this.ready()[0];
  }

  get done(): boolean {
    return this.nodes.every((v) => this.progress.get(v)!.done !== undefined);
  }

  /** All the hints for a node, in order (the rule, then the numbers). */
  hints(v: Value): string[] {
    this.check(v, 'hints');
    return hintsFor(this.nameOf(v), this.uses(v), v === this.root ? this.steps[0] : undefined);
  }

  /** The uses whose rows make up a node's grad. */
  uses(v: Value): Use[] {
    return usesOf(v, this.steps.slice(1));
  }

  /** Show the next hint for a node (the last one again once all are shown). */
  hint(v: Value): string {
    const all = this.hints(v);
    const p = this.progressOf(v);
    const shown = Math.min(p.hints + 1, all.length);
    this.progress.set(v, { ...p, hints: shown });
    return all[shown - 1]!;
  }

  /** Check a typed answer; a wrong one counts and brings the next hint. */
  answer(v: Value, text: string): Checked {
    const p = this.progressOf(v);
    if (p.done !== undefined) return { kind: 'not-ready', why: `${this.nameOf(v)}'s grad is already done` };
    if (!this.isReady(v)) {
      const open = (this.consumers.get(v) ?? []).filter((c) => this.progress.get(c)?.done === undefined);
      return {
        kind: 'not-ready',
        why: `${this.nameOf(v)}'s grad needs ${open.map((c) => `${this.nameOf(c)}'s`).join(' and ')} first`,
      };
    }
    const read = readAnswer(text);
    if (!read.ok) return { kind: 'unreadable', why: read.why };
    if (isRight(read.value, v.grad)) {
      this.progress.set(v, { ...p, done: 'right' });
      return { kind: 'right', value: read.value, expected: v.grad };
    }
    this.progress.set(v, { ...p, wrong: p.wrong + 1 });
    return { kind: 'wrong', value: read.value, hint: this.hint(v) };
  }

  /** Give the node's grad away. */
  reveal(v: Value): number {
    const p = this.progressOf(v);
    if (p.done === undefined) this.progress.set(v, { ...p, done: 'revealed' });
    return v.grad;
  }

  summary(): PracticeSummary {
    const all = [...this.progress.values()];
    return {
      total: this.nodes.length,
      rightFirstTime: all.filter((p) => p.done === 'right' && p.wrong === 0 && p.hints === 0).length,
      hintsUsed: all.reduce((n, p) => n + p.hints, 0),
      revealed: all.filter((p) => p.done === 'revealed').length,
      pass: passLines(this.steps),
    };
  }

  private check(v: Value, method: string): void {
    if (!this.progress.has(v)) {
      throw new RangeError(`Practice.${method}(v): expected one of the session's nodes, got ${describe(v)}`);
    }
  }
}
