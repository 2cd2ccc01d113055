// raw: the type of a file imported as text (Vite's ?raw), as the notebook page imports its bundled notebooks.
declare module '*.ipynb?raw' {
  const text: string;
  export default text;
}
