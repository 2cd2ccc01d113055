// Rng: a small seeded random generator (xoshiro128**), the only source of randomness in the library.
//
// xoshiro128** (Blackman & Vigna, 2018) has a 128-bit state, passes BigCrush, and needs only 32-bit integer
// arithmetic, so it gives bit-identical streams in every JavaScript engine. The state is seeded from one
// integer through splitmix32, so nearby seeds give unrelated streams.

/**
 * A seeded random generator (xoshiro128**): the same seed gives the same numbers in every JavaScript
 * engine. Every random choice in the library (initial weights, datasets, shuffles) draws from one.
 *
 * @example
 * ```ts
 * import { Rng } from 'micrograd-ts';
 *
 * const rng = new Rng(42);
 * console.log(rng.random(), rng.int(10)); // → 0.6606157208001621 1
 * console.log(new Rng(42).random()); // → 0.6606157208001621
 * ```
 */
export class Rng {
  /**
   * The four state words. In an Int32Array, not four fields: a field holding a number above 2^31 is a
   * boxed double, and a minibatch Trainer draws over a thousand numbers per step (a shuffle ran 4× slower).
   */
  private readonly s = new Int32Array(4);
  /** The seed this generator started from. */
  readonly seed: number;
  /** A Gaussian sample kept from the last Box–Muller pair. */
  private spare: number | null = null;

  /**
   * A generator started from `seed`; nearby seeds give unrelated streams.
   *
   * @param seed - Any integer (taken modulo 2**32). Default 0.
   * @throws TypeError when `seed` is not an integer.
   */
  constructor(seed = 0) {
    if (typeof seed !== 'number' || !Number.isInteger(seed)) {
      throw new TypeError(`new Rng(seed): expected seed to be an integer, got ${String(seed)}`);
    }
    this.seed = seed;
    let x = seed >>> 0;
    // splitmix32: spreads the seed's bits over the four state words (never all zero).
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (let i = 0; i < 4; i++) this.s[i] = next();
  }

  /**
   * A generator at an exact xoshiro128** state (for checking against the reference's test vectors).
   *
   * @param s0 - State word 0 (the four words must not all be 0).
   * @param s1 - State word 1.
   * @param s2 - State word 2.
   * @param s3 - State word 3.
   */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.s.set([s0 | 0, s1 | 0, s2 | 0, s3 | 0]);
    return r;
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * A uniform float in [lo, hi).
   *
   * @param lo - The low end. Default 0.
   * @param hi - The high end. Default 1.
   */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.random();
  }

  /**
   * A uniform integer in [0, n).
   *
   * @param n - How many values to choose from.
   * @throws RangeError when `n` is not a positive integer.
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) {
      throw new RangeError(`Rng.int(n): expected n to be a positive integer, got ${String(n)}`);
    }
    return Math.floor(this.random() * n);
  }

  /**
   * A Gaussian sample with the given mean and standard deviation (Box–Muller).
   *
   * @param mean - Default 0.
   * @param std - Default 1.
   */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /**
   * Shuffle an array in place (Fisher–Yates) and return it.
   *
   * @param items - The array to shuffle.
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
