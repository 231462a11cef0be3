// The test hooks the app installs on window when `hearth.testHooks` is set (see
// src/renderer/test-hooks.ts). Declared here because the e2e project does not compile the renderer.
export {};

declare global {
  interface Window {
    __hearth?: {
      writePostBypassingComposer(p: { space: string; title: string; body: string }): Promise<string>;
      seedSpace(p: { person: string; space: string; posts: number; comments: number }): Promise<void>;
      timeSearch(q: string): Promise<{ ms: number; roundTrip: number; total: number }>;
      searchSize(): number;
    };
  }
}
