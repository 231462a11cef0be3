// Public surface of the renderer's strings: the English catalogue, the formatter factory, and the
// React context that hands them to components.
export { en, type MessageKey, type PluralForms } from './en.js';
export { createStrings, type Catalogue, type Params, type Strings } from './strings.js';
export { StringsProvider, useStrings } from './StringsProvider.js';
