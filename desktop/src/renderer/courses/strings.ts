// Strings of the course panel (to move into i18n/ with the others).
export const courseText = {
  title: 'Your progress',
  summary: (done: number, total: number, percent: number) => `${done} of ${total} modules done (${percent}%)`,
  markDone: (title: string) => `Done: ${title || 'untitled module'}`,
  untitled: 'Untitled module',
  noModules: 'This course has no modules yet.',
  facilitatorTitle: 'Your course',
  facilitatorHelp: (modules: number) => `${modules} modules. Learners mark each one done; how far the group is, and which modules raise the most questions, is in Figures (for groups of five or more).`,
  toFigures: 'Open Figures',
};
