// display: the rich-display protocol of Jupyter kernels (Deno's): a method under Symbol.for('Jupyter.display').

/**
 * The key a Jupyter kernel looks up on the last expression of a cell. `Symbol.for` gives the kernel's own
 * symbol from the global registry, so objects opt in without importing anything from Deno.
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/** What the display method returns: MIME type → content (`text/plain` always, pictures as SVG or HTML). */
export interface MimeBundle {
  /** The text form, shown where nothing richer can be (always present). */
  'text/plain': string;
  /** A picture as SVG markup. */
  'image/svg+xml'?: string;
  /** HTML, for a table or a picture with text around it. */
  'text/html'?: string;
}
