// Where the built pieces are, relative to the bundled main script (dist/main/index.cjs): the
// renderer in dist/web and the preload in dist/preload. Works the same from the repository and
// from inside the packaged app.asar.
import path from 'node:path';

export interface AppPaths {
  webRoot: string;
  preload: string;
}

export function appPaths(mainDir: string): AppPaths {
  const dist = path.resolve(mainDir, '..');
  return { webRoot: path.join(dist, 'web'), preload: path.join(dist, 'preload', 'index.cjs') };
}

export const APP_ID = 'com.example.hearth';
