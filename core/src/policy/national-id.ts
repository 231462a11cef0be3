// Structural checks for national identity numbers. Why: the patterns alone (three digits, two,
// four) match phone extensions and dates; the issuing rules exclude many of those.

/** US Social Security number, digits only (9). Never issued: area 000, 666, 900-999; group 00; serial 0000. */
export function usSsnValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0) return false;
  // Numbers printed in advertising and specimen cards, famously misused.
  return digits !== '078051120' && digits !== '219099999';
}

/**
 * UK National Insurance number without spaces, upper case: two prefix letters, six digits, a suffix
 * A-D. D, F, I, Q, U, V never appear in the prefix, O not second; BG, GB, KN, NK, NT, TN, ZZ are not
 * allocated.
 */
export function ukNinoValid(nino: string): boolean {
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(nino)) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(nino.slice(0, 2));
}
