// `npm start` never leaves a relay behind: a signal to it reaches its children and it exits after
// them; when npm's shell dies under it (`kill <pid of npm>`), it stops them too. Driven through a
// small supervised program shaped like scripts/start.mjs, with a child that reports its signal.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const supervisor = fileURLToPath(new URL('./supervise.mjs', import.meta.url));
const CHILD = `for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => { console.log('child got ' + s); process.exit(0); });
console.log('child ' + process.pid); setInterval(() => {}, 1000);`;
const PROGRAM = `import { spawn } from 'node:child_process';
import { supervise } from ${JSON.stringify(supervisor)};
const s = supervise({ log: (l) => console.log(l) });
const child = s.add(spawn(process.execPath, ['-e', ${JSON.stringify(CHILD)}], { stdio: ['ignore', 'inherit', 'inherit'] }));
child.once('exit', (code) => s.stop(code ?? 1));`;

/** Whether a process still runs (a zombie does not count). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(check, what, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the program (through `sh -c '…; true'`, a shell that stays its parent, as npm's does). */
function start(viaShell) {
  const node = [process.execPath, '--input-type=module', '-e', PROGRAM];
  const proc = viaShell
    ? spawn('sh', ['-c', `${node.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ')}; true`], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(node[0], node.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout.on('data', (c) => (out += c));
  const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)));
  return { proc, exited, out: () => out, childPid: () => Number(/^child (\d+)$/m.exec(out)?.[1] ?? 0) };
}

describe('npm start supervision', { timeout: 60_000 }, () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ])('%s reaches the child, and it exits after the child (%i)', async (signal, code) => {
    const run = start(false);
    await until(() => run.childPid() > 0, 'the child');
    run.proc.kill(signal);
    expect(await run.exited).toBe(code);
    expect(run.out()).toContain(`child got ${signal}`);
    expect(alive(run.childPid())).toBe(false);
  });

  it('stops its child when the shell between it and npm dies', async () => {
    const run = start(true);
    await until(() => run.childPid() > 0, 'the child');
    run.proc.kill('SIGTERM'); // what npm does on `kill <pid of npm>`: the shell dies, passing nothing on
    await until(() => !alive(run.childPid()), 'the child to stop');
    expect(run.out()).toContain('its parent process is gone');
    expect(run.out()).toContain('child got SIGTERM');
  });

  it('exits with the child when the child exits on its own', async () => {
    const run = start(false);
    await until(() => run.childPid() > 0, 'the child');
    process.kill(run.childPid(), 'SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
