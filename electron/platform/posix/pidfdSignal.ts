import { spawnSync } from 'node:child_process';
import { z } from 'zod';

/**
 * Signals processes on Linux through a pidfd, so the process checked is the
 * process signalled. A pid alone can change owner between a check and
 * kill(): the program exits, is reaped, and the kernel hands its pid to a
 * new one. A pidfd names one process for as long as it is open, so the
 * start time is read after it is opened and the signal goes through it.
 * Node has no pidfd API; the system's python3 (found at a fixed, checked
 * path) has both calls, and this source travels in its argv.
 */
const PIDFD_SIGNAL_SOURCE = String.raw`
import json, os, signal, sys
request = json.load(sys.stdin)
sig = signal.SIGKILL if request["force"] else signal.SIGTERM
tolerance = request["toleranceMs"]
with open("/proc/stat") as stat:
    boot = next(int(line.split()[1]) for line in stat if line.startswith("btime "))
tick = os.sysconf("SC_CLK_TCK")

def started_ms(pid):
    with open("/proc/%d/stat" % pid, "rb") as stat:
        text = stat.read()
    ticks = int(text[text.rindex(b")") + 2:].split()[19])
    return boot * 1000 + ticks * 1000 / tick

answers = []
for target in request["targets"]:
    pid = target["pid"]
    def say(answer, text):
        answers.append({"pid": pid, "answer": answer, "text": text})
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        say("gone", "no such process (ESRCH)")
        continue
    except OSError as error:
        say("refused", "pidfd_open: %s" % error.strerror)
        continue
    try:
        try:
            now = started_ms(pid)
        except (FileNotFoundError, ProcessLookupError):
            say("gone", "no such process")
            continue
        if abs(now - target["startMs"]) > tolerance:
            say("reused", "the process id now belongs to a program started at %d ms" % now)
            continue
        try:
            signal.pidfd_send_signal(handle, sig)
            say("sent", "%s sent through a pidfd" % sig.name)
        except ProcessLookupError:
            say("gone", "no such process (ESRCH)")
        except PermissionError:
            say("denied", "operation not permitted (EPERM)")
    finally:
        os.close(handle)
print(json.dumps(answers))
`;

const PidfdAnswersSchema = z.array(
  z.object({
    pid: z.number().int(),
    answer: z.enum(['sent', 'gone', 'denied', 'refused', 'reused']),
    text: z.string(),
  }),
);
export type PidfdAnswer = z.infer<typeof PidfdAnswersSchema>[number];

export interface PidfdTarget {
  pid: number;
  /** The start time the scan recorded, in ms since the epoch. */
  startMs: number;
}

/**
 * Each target's answer by pid, or null when this python cannot do it (no
 * pidfd before Linux 5.3 or Python 3.9, or it failed): the caller then
 * falls back to its own check-then-kill.
 */
export function signalThroughPidfd(
  python: string,
  targets: readonly PidfdTarget[],
  force: boolean,
  toleranceMs: number,
): Map<number, PidfdAnswer> | null {
  const result = spawnSync(python, ['-I', '-c', PIDFD_SIGNAL_SOURCE], {
    input: JSON.stringify({ targets, force, toleranceMs }),
    encoding: 'utf8',
    timeout: 10_000,
    env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' },
  });
  if (result.status !== 0) return null;
  try {
    const answers = PidfdAnswersSchema.parse(JSON.parse(result.stdout));
    return new Map(answers.map((answer) => [answer.pid, answer]));
  } catch {
    return null;
  }
}
