// exportGraph: the drawn graph as a DOT, SVG or PNG file (PNG through a canvas, in the browser).

import { download } from '../dom.js';
import type { Drawn } from './graphView.js';

export function exportDot(drawn: Drawn): void {
  download('graph.dot', new Blob([drawn.source], { type: 'text/vnd.graphviz' }));
}

export function exportSvg(drawn: Drawn): void {
  download('graph.svg', new Blob([drawn.svgText], { type: 'image/svg+xml' }));
}

/** Rasterize Graphviz's own SVG (not the decorated page copy) at twice its size. */
export async function exportPng(drawn: Drawn, scale = 2): Promise<void> {
  const url = URL.createObjectURL(new Blob([drawn.svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('this browser cannot draw on a canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)), 'image/png'),
    );
    download('graph.png', png);
  } finally {
    URL.revokeObjectURL(url);
  }
}
