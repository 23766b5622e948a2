/**
 * A small force-directed layout (Fruchterman–Reingold with gravity and node collision): nodes
 * repel, weighted edges pull, and the result is fitted into a box with room for labels.
 * Deterministic: nodes start on a circle in the order given, so the same graph draws the same.
 * Pure and bounded: at most `iterations` passes over n² node pairs (the network shows ≤ 60 nodes).
 * @module
 */
export interface LayoutEdge {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
}

export interface LayoutOptions {
  readonly width: number;
  readonly height: number;
  /** Space kept free at each side of the box (labels under nodes). */
  readonly padX: number;
  readonly padY: number;
  /** Nodes closer than this (after fitting, in px) push each other apart. */
  readonly minGap: number;
  readonly iterations?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

export function forceLayout(
  nodes: readonly string[],
  edges: readonly LayoutEdge[],
  o: LayoutOptions,
): Positions {
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  nodes.forEach((_, i) => {
    const angle = (i / Math.max(1, n)) * 2 * Math.PI;
    xs[i] = Math.cos(angle);
    ys[i] = Math.sin(angle);
  });
  if (n > 1) {
    const k = Math.sqrt(4 / n);
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
    const iterations = o.iterations ?? 300;
    let temperature = 0.2;
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    for (let it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          let ex = xs[i]! - xs[j]!;
          let ey = ys[i]! - ys[j]!;
          let d = Math.hypot(ex, ey);
          if (d < 1e-6) {
            // Two nodes on one spot: part them along a fixed direction (no randomness).
            ex = 1e-3 * (j - i);
            ey = 1e-3;
            d = Math.hypot(ex, ey);
          }
          const push = (k * k) / d;
          dx[i]! += (ex / d) * push;
          dy[i]! += (ey / d) * push;
          dx[j]! -= (ex / d) * push;
          dy[j]! -= (ey / d) * push;
        }
      for (const e of edges) {
        const i = index.get(e.a);
        const j = index.get(e.b);
        if (i === undefined || j === undefined || i === j) continue;
        const ex = xs[i]! - xs[j]!;
        const ey = ys[i]! - ys[j]!;
        const d = Math.max(1e-6, Math.hypot(ex, ey));
        const pull = ((d * d) / k) * (0.5 + (0.5 * e.weight) / maxWeight);
        dx[i]! -= (ex / d) * pull;
        dy[i]! -= (ey / d) * pull;
        dx[j]! += (ex / d) * pull;
        dy[j]! += (ey / d) * pull;
      }
      for (let i = 0; i < n; i++) {
        // Gravity keeps unconnected parts on the page.
        dx[i]! -= xs[i]! * 0.1 * k;
        dy[i]! -= ys[i]! * 0.1 * k;
        const d = Math.hypot(dx[i]!, dy[i]!);
        if (d > 0) {
          const step = Math.min(d, temperature);
          xs[i]! += (dx[i]! / d) * step;
          ys[i]! += (dy[i]! / d) * step;
        }
      }
      temperature = Math.max(0.002, temperature * 0.985);
    }
  }
  const fitted = fit(xs, ys, o);
  separate(fitted.xs, fitted.ys, o);
  return new Map(nodes.map((id, i) => [id, { x: fitted.xs[i]!, y: fitted.ys[i]! }]));
}

function fit(xs: Float64Array, ys: Float64Array, o: LayoutOptions) {
  const span = (v: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return { lo, hi: Math.max(hi, lo + 1e-9) };
  };
  const sx = span(xs);
  const sy = span(ys);
  const w = o.width - 2 * o.padX;
  const h = o.height - 2 * o.padY;
  const single = xs.length === 1;
  return {
    xs: xs.map((x) => (single ? o.width / 2 : o.padX + ((x - sx.lo) / (sx.hi - sx.lo)) * w)),
    ys: ys.map((y) => (single ? o.height / 2 : o.padY + ((y - sy.lo) / (sy.hi - sy.lo)) * h)),
  };
}

/** A few passes that push apart nodes closer than minGap, kept inside the padded box. */
function separate(xs: Float64Array, ys: Float64Array, o: LayoutOptions): void {
  for (let pass = 0; pass < 30; pass++) {
    let moved = false;
    for (let i = 0; i < xs.length; i++)
      for (let j = i + 1; j < xs.length; j++) {
        const ex = xs[j]! - xs[i]!;
        const ey = ys[j]! - ys[i]!;
        const d = Math.hypot(ex, ey);
        if (d >= o.minGap) continue;
        moved = true;
        const ux = d > 1e-6 ? ex / d : 1;
        const uy = d > 1e-6 ? ey / d : 0;
        const half = (o.minGap - d) / 2;
        xs[i]! -= ux * half;
        ys[i]! -= uy * half;
        xs[j]! += ux * half;
        ys[j]! += uy * half;
      }
    for (let i = 0; i < xs.length; i++) {
      xs[i] = Math.min(o.width - o.padX, Math.max(o.padX, xs[i]!));
      ys[i] = Math.min(o.height - o.padY, Math.max(o.padY, ys[i]!));
    }
    if (!moved) break;
  }
}
