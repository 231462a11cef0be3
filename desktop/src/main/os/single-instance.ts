// One Hearth per person: a second launch (a click on a hearth:// link, a second shortcut) hands
// its arguments to the first instance, which comes to the front, and then quits.

export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
}

/** Answers false when another instance runs (this one is quitting). */
export function claimSingleInstance(app: SingleInstanceApp, onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv));
  return true;
}
