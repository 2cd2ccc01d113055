// `micrograd practice [EXPR]`: backprop by hand in the terminal — each grad asked in turn on stdin, checked,
// with the stepper's hints; the post's neuron by default, or a seeded exercise.

import { createInterface } from 'node:readline';
import { Value } from '../../engine/value.js';
import { parse } from '../../expr/parse.js';
import { buildExercise, makeExercise, type ExerciseLevel } from '../../walkthrough/exercise.js';
import { buildNeuron } from '../../walkthrough/neuron.js';
import { Practice } from '../../walkthrough/practice.js';
import {
  practiceIntro,
  promptFor,
  QUIT_WORDS,
  respond,
  summaryLines,
} from '../../walkthrough/practiceDialogue.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseNumber } from '../parseNumber.js';
import { collectAssignments } from './graph.js';

interface PracticeFlags {
  set: Record<string, number>;
  exercise?: number;
  level?: string;
}

/** The graph to practise on, and the lines that say what it is. */
function load(source: string | undefined, flags: PracticeFlags): { root: Value; title: string[] } {
  if (flags.exercise !== undefined) {
    if (source !== undefined) throw new Error('give an expression or --exercise, not both');
    const ex = makeExercise(flags.exercise, Number(flags.level ?? '2') as ExerciseLevel);
    const inputs = Object.entries(ex.values).map(([k, x]) => `${k} = ${x}`);
    return {
      root: buildExercise(ex),
      title: [`# exercise ${ex.seed} at level ${ex.level}: ${inputs.join(', ')}`, ...ex.text.split('\n')],
    };
  }
  if (flags.level !== undefined)
    throw new Error('--level chooses an exercise’s difficulty: give --exercise SEED too');
  if (source === undefined) {
    return { root: buildNeuron('tanh').o, title: ["# the post's neuron: o = tanh(x1*w1 + x2*w2 + b)"] };
  }
  const root = parse(source).build(flags.set, { labelSubexpressions: true });
  if (root.label === '') root.label = 'out';
  return { root, title: [`# ${source}`] };
}

function parseSeed(text: string): number {
  const seed = parseNumber(text, '--exercise');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InvalidArgumentError(
      `--exercise: expected an integer from 0 to 4294967295, got ${JSON.stringify(text)}`,
    );
  }
  return seed;
}

export function practiceCommand(): Command {
  return new Command('practice')
    .description('backprop by hand: give each grad in turn and have it checked, with hints')
    .argument('[expression]', 'e.g. "tanh(x*w + b)" (default: the post\'s neuron)')
    .addOption(
      new Option('--set <values>', 'variable values, e.g. x=2,w=-3,b=1 (repeatable)')
        .argParser(collectAssignments)
        .default(Object.create(null) as Record<string, number>, 'none'),
    )
    .addOption(
      new Option('--exercise <seed>', 'a random exercise drawn from this seed (0 to 4294967295)').argParser(
        parseSeed,
      ),
    )
    .addOption(
      new Option('--level <n>', 'the exercise’s difficulty, with --exercise (default 2)').choices([
        '1',
        '2',
        '3',
      ]),
    )
    .action(async (source: string | undefined, flags: PracticeFlags) => {
      const { root, title } = load(source, flags);
      const practice = new Practice(root);
      const print = (lines: string[]): void => void process.stdout.write(`${lines.join('\n')}\n`);
      print([...title, ...practiceIntro(practice)]);
      const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
      for (let v = practice.next(); v !== undefined; v = practice.next()) {
        process.stdout.write(promptFor(practice, v));
        const line = await lines.next();
        if (line.done === true || QUIT_WORDS.includes(line.value.trim().toLowerCase())) {
          if (line.done === true) process.stdout.write('\n');
          break;
        }
        // Piped answers are not echoed by a terminal: echo them, so the transcript reads as a dialogue.
        if (process.stdin.isTTY !== true) process.stdout.write(`${line.value}\n`);
        print(respond(practice, v, line.value));
      }
      print(summaryLines(practice.summary(), practice.done));
      process.stdin.pause();
    });
}
