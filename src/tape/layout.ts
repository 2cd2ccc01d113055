// The compiled form of a graph: structure-of-arrays slots in topological order, plus fused linear terms.

/** Slot op codes beyond the op table's own (0 … OP_NAMES.length-1). */
export const LEAF_CODE = 255;
/** The constant 1 in slot 0: the coefficient of a plain (non-product) term of a linear combination. */
export const ONE_CODE = 254;
/** A linear combination `base + Σ w·x`, optionally followed by a unary activation. */
export const LIN_CODE = 253;

/** No activation after a linear combination. */
export const NO_ACT = -1;

/**
 * Everything a Tape replays. Slot 0 is the constant 1, slots 1 … leafCount are the leaves (in `leaves`
 * order), then the op slots in topological order.
 *
 * Per slot: `op` is a table op code or one of the codes above; `inA`/`inB` are input slots. A pow slot's
 * `inB` indexes `consts` (its exponent); a LIN slot's `inA` is its base slot and `inB` its index `f` into
 * the fused tables: terms `linStart[f] … linStart[f+1]-1` are `val[termW[t]] * val[termX[t]]`, then
 * `linAct[f]` (an op code or NO_ACT) with constant `linK[f]` is applied; `linPre[f]` keeps the value before
 * the activation for its derivative.
 */
export interface TapeLayout {
  readonly op: Uint8Array;
  readonly inA: Int32Array;
  readonly inB: Int32Array;
  readonly consts: Float64Array;
  readonly linStart: Int32Array;
  readonly linAct: Int32Array;
  readonly linK: Float64Array;
  readonly termW: Int32Array;
  readonly termX: Int32Array;
  readonly rootSlot: number;
  /** Graph nodes compiled (before fusion). */
  readonly nodeCount: number;
}
