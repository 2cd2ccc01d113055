// A child process spoken to in JSON lines: one request, one answer line. The bench runs every engine this way.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export class LinePeer {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(line: string) => void> = [];
  private stderr = '';

  constructor(command: string, args: string[]) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (c: string) => (this.stderr = (this.stderr + c).slice(-4000)));
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      if (line.startsWith('{')) this.waiting.shift()?.(line);
    });
    this.proc.on('exit', (code) => {
      if (this.waiting.length > 0)
        throw new Error(`${args.join(' ')} exited (code ${String(code)}): ${this.stderr}`);
    });
  }

  ask<T>(msg: unknown): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((line) => resolve(JSON.parse(line) as T));
      this.proc.stdin.write(`${JSON.stringify(msg)}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end();
  }
}
