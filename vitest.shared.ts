// Shared vitest settings: workspace packages resolve to their TypeScript sources, so tests never
// depend on a stale build in dist/.
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const sourceAliases = {
  '@hearth/core': here('./core/src/index.ts'),
};
