// fuzzGraphs: a seeded batch of fuzz programs, lowered to the specs every engine and the oracle evaluate.
import { Rng } from '../../src/data/Rng.js';
import { generateProgram } from './fuzz/generate.js';
import { lowerProgram, type Lowered, type Program } from './fuzz/program.js';

export interface FuzzGraph extends Lowered {
  program: Program;
}

export function fuzzGraphs(seed: number, count: number): FuzzGraph[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const program = generateProgram(rng);
    return { program, ...lowerProgram(program) };
  });
}
