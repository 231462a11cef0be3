// Where a person stands in the first-run tour, kept on this device: the step reached (so it resumes
// there), and whether it was finished or skipped. `hearth.tour = off` switches it off on a device
// (test profiles and kiosk machines set it; the e2e fixture does unless a test asks for the tour).
export type TourState = { step: number; status: 'open' | 'done' | 'skipped' };

const key = (person: string) => `hearth.tour.${person}`;

export function tourDisabled(): boolean {
  try {
    return localStorage.getItem('hearth.tour') === 'off';
  } catch {
    return false;
  }
}

export function readTour(person: string): TourState {
  try {
    const raw = JSON.parse(localStorage.getItem(key(person)) ?? 'null') as Partial<TourState> | null;
    const status = raw?.status === 'done' || raw?.status === 'skipped' ? raw.status : 'open';
    return { step: typeof raw?.step === 'number' && raw.step >= 0 ? Math.floor(raw.step) : 0, status };
  } catch {
    return { step: 0, status: 'open' };
  }
}

export function writeTour(person: string, state: TourState): void {
  try {
    localStorage.setItem(key(person), JSON.stringify(state));
  } catch {
    // Storage refused (private mode, full): the tour still works for this session.
  }
}

/** Whether this device has a tour state for the person (started, finished or skipped). */
export function hasTour(person: string): boolean {
  try {
    return localStorage.getItem(key(person)) !== null;
  } catch {
    return false;
  }
}
