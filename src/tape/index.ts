// The compiled tape's public surface: compile a recorded graph once, replay forward/backward many times.
export { compile, type CompileOptions } from './compile.js';
export { Tape, type BatchResult } from './Tape.js';
export { tapeBackward } from './tapeBackward.js';
