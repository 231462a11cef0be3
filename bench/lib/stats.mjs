// Small statistics shared by the benchmarks. Not a benchmark itself (bench/run.mjs runs only bench/*.mjs).

/** The median of `xs` (the upper one of an even count), what every bench prints over its runs. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
