// Parsers for `hearth-relay` option values, shared by every command and flag list, so a count or a
// rate is read, and refused with the same message, wherever it is given.
import { InvalidArgumentError } from 'commander';
import { parseRate } from '../connection/token-bucket.js';

/** A whole number ≥ `min` (0 by default: "0 = no cap" flags). */
export const wholeNumber =
  (name: string, min = 0) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a ${min === 0 ? 'non-negative' : 'positive'} integer`);
    return n;
  };

/** A rate such as 100/s or 100/s:500 (burst). */
export const rateOption = (value: string): ReturnType<typeof parseRate> => {
  try {
    return parseRate(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};
