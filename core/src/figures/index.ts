// Public surface of core/src/figures: the engagement figures (report shape, five-person rule, counting).
export * from './report.js';
export * from './space-activity.js';
export { computeFigures, dayOf, weekOf, type CompletionFact, type FiguresInput, type JournalFact } from './compute.js';
