// validateNotebook: Jupyter's own validator (python3-nbformat, installed beside nbconvert) on a notebook file.
import { spawnSync } from 'node:child_process';

/** Whether this machine has Jupyter's nbformat for /usr/bin/python3 (CI installs it with nbconvert). */
export function hasNbformat(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import nbformat']).status === 0;
}

/** What nbformat.validate says is wrong with the file, or '' when it is valid nbformat 4. */
export function nbformatProblems(file: string): string {
  const r = spawnSync(
    '/usr/bin/python3',
    ['-c', 'import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', file],
    { encoding: 'utf8' },
  );
  return r.status === 0 ? '' : `${r.stderr}${r.error?.message ?? ''}` || `exit ${r.status}`;
}
