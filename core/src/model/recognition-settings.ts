// Whether recognition exists for a person. Why one function: the relay (refusing kudos, awarding no
// badges), the app (no menu, no page, no badges) and the leaderboards must agree, and some countries'
// works councils and privacy law forbid ranking employees, so the admin switches it off per country.
import type { RecognitionSettings } from './engagement-types.js';

/** Recognition is on for someone in `country` (ISO 3166-1 alpha-2; compared case-insensitively). */
export function recognitionOn(settings: RecognitionSettings, country: string | null | undefined): boolean {
  if (!settings.enabled) return false;
  const c = (country ?? '').toUpperCase();
  return !settings.offCountries.some((off) => off.toUpperCase() === c);
}
