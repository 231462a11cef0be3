// Keeps the processes `npm start` runs (the build, the relay, Electron) tied to it. Why:
//   - a signal to it (Ctrl+C is SIGINT, `kill PID` is SIGTERM, a closed terminal is SIGHUP) must
//     reach every child, and it must exit once they have, never leaving a relay behind that holds
//     the port and the data directory;
//   - `kill <pid of npm>` reaches npm, which passes SIGTERM to the shell running the script; Debian's
//     shell (dash) dies without passing it on, so this process only learns it was orphaned. It
//     watches its parent and stops its children when the parent is gone.
// A SIGKILL cannot be caught: after `kill -9` of this process its children keep running.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const PARENT_POLL_MS = 500;
/** After this long, children that ignored the forwarded signal are killed. */
const STOP_GRACE_MS = 20_000;

export function supervise({ log = (line) => console.error(line) } = {}) {
  const children = new Set();
  let stopping = false;
  let exitCode = 0;

  const exitWhenAlone = () => {
    if (stopping && children.size === 0) process.exit(exitCode);
  };

  /** Asks every child to stop with `signal`, then exits with `code` once none is left. */
  const stop = (signal, code) => {
    if (!stopping) exitCode = code;
    stopping = true;
    for (const child of children) child.kill(signal);
    setTimeout(() => {
      for (const child of children) child.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
    exitWhenAlone();
  };

  for (const signal of SIGNALS) process.on(signal, () => stop(signal, SIGNAL_EXIT[signal]));

  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    log('npm start: its parent process is gone; stopping.');
    stop('SIGTERM', SIGNAL_EXIT.SIGTERM);
  }, PARENT_POLL_MS);
  watch.unref();

  return {
    /** Adds a child; it is signalled with the others, and this process waits for it to exit. */
    add(child) {
      children.add(child);
      child.once('exit', () => {
        children.delete(child);
        exitWhenAlone();
      });
      if (stopping) child.kill('SIGTERM');
      return child;
    },
    /** Stops the others and exits with `code` (when the one child that matters has exited). */
    stop(code) {
      stop('SIGTERM', code);
    },
    get stopping() {
      return stopping;
    },
  };
}
