import type { StepItem } from '../../shared/actionModel';
import { checkTargets, fixedGrace, ownerOf, waitForExit } from '../run/liveTargets';
import type { TargetState } from '../run/liveTargets';
import { signalProcesses } from '../../platform/signalProcesses';
import type { SignalAnswer } from '../../platform/signalProcesses';
import type { ProcessTarget } from '../steps/specs';
import { CloseLeftoversSchema } from './specs';
import type { CloseLeftovers } from './specs';
import { StepDataSchema } from '../run/journalEntry';
import type { StepData } from '../run/journalEntry';
import { closeProcessesCommand } from '../../platform/windows/closeProcessesScript';
import type { StepContext, StepExecutor, StepOutcome } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';
import { listOf, msg } from '../../shared/i18n/message';
import type { Message } from '../../shared/i18n/message';
import { sentences } from '../steps/stepWords';
import { closeWords } from './closeWords';
import { targetLabel } from './targetLabel';

/** How long a program gets to close when asked: enough to save, short enough to wait for. */
export const GRACEFUL_WAIT_MS = 5000;
const FORCE_WAIT_MS = 3000;

export const closeGracefullyStep: StepExecutor<'close-gracefully'> = {
  async execute(spec, ctx) {
    return closeTargets(spec.targets, spec.systemRoot, false, ctx);
  },
};

/**
 * Only the targets the graceful step left running, only after the user says
 * yes (with the list and the exact command in front of them), and each one
 * checked by pid and start time once more right before.
 */
export const closeByForceStep: StepExecutor<'close-by-force'> = {
  async execute(spec, ctx) {
    const previous = CloseLeftoversSchema.safeParse(ctx.recordOf(spec.gracefulStepId)?.data);
    const survivors = previous.success ? previous.data.survivors : spec.targets;
    const states = await checkTargets(survivors, ctx.probe, ctx.os.platform, ctx.selfPid);
    const running = states
      .filter((state) => state.state === 'present')
      .map((state) => state.target);
    if (running.length === 0) {
      return outcome('skipped', msg(closeWords.nothingLeft), {
        data: leftovers({ survivors: [], denied: [] }),
      });
    }
    const labels = running.map(targetLabel);
    const agreed = await ctx.askConsent(
      msg(closeWords.forceQuestion, { programs: listOf(labels), count: running.length }),
      labels,
      spec.systemRoot === null ? null : closeProcessesCommand(spec.systemRoot, running, true),
    );
    if (!agreed) {
      return outcome(
        ctx.signal.aborted ? 'cancelled' : 'skipped',
        msg(closeWords.keptRunning, { count: running.length }),
        {
          items: running.map((target) => ({
            label: targetLabel(target),
            status: 'still-running' as const,
            detail: msg(closeWords.leftRunning),
          })),
          data: leftovers({ survivors: running, denied: [] }),
        },
      );
    }
    return closeTargets(running, spec.systemRoot, true, ctx);
  },
};

async function closeTargets(
  targets: readonly ProcessTarget[],
  systemRoot: string | null,
  force: boolean,
  ctx: StepContext,
): Promise<StepOutcome> {
  const states = await checkTargets(targets, ctx.probe, ctx.os.platform, ctx.selfPid);
  const items: StepItem[] = states
    .filter((state) => state.state !== 'present')
    .map(describeUntouched);
  const present = states.filter((state) => state.state === 'present').map((state) => state.target);
  const answers =
    present.length === 0 ? [] : await signalProcesses(present, force, systemRoot, ctx.signal);
  const signalled = answers.filter(
    (answer) => answer.answer === 'sent' || answer.answer === 'refused',
  );
  const asked = signalled.map((answer) => answer.target);
  const grace = force
    ? fixedGrace(FORCE_WAIT_MS)
    : (ctx.closeGrace ?? fixedGrace(GRACEFUL_WAIT_MS));
  const survivors = await waitForExit(asked, ctx.probe, grace(asked, ctx.signal), ctx.signal);
  for (const answer of answers) items.push(await describeAnswer(answer, survivors, force, ctx));

  const closed = items.filter((item) => item.status === 'done').length;
  const deniedCount = items.filter((item) => item.status === 'denied').length;
  // What did not close is said first and never as "0 closed": it is what the user must act on.
  const detail: Message[] = [
    ...(survivors.length > 0 ? [msg(closeWords.didNotClose, { count: survivors.length })] : []),
    ...(deniedCount > 0 ? [msg(closeWords.denied, { count: deniedCount })] : []),
    ...(closed > 0 ? [msg(closeWords.closed, { count: closed })] : []),
    ...(items.some((item) => item.status === 'gone') ? [msg(closeWords.someGone)] : []),
  ];
  if (detail.length === 0) detail.push(msg(closeWords.nothingToClose));
  const denied = answers
    .filter((answer) => answer.answer === 'denied')
    .map((answer) => answer.target);
  return outcome(ctx.signal.aborted ? 'cancelled' : 'done', sentences(...detail), {
    items,
    data: leftovers({ survivors, denied }),
  });
}

function describeUntouched(state: Exclude<TargetState, { state: 'present' }>): StepItem {
  const label = targetLabel(state.target);
  // Process ids are text: no language may group their digits.
  const pid = String(state.target.pid);
  switch (state.state) {
    case 'gone':
      return { label, status: 'gone', detail: msg(closeWords.gone) };
    case 'reused':
      return {
        label,
        status: 'refused',
        detail: msg(closeWords.reused, {
          pid,
          startedAt: state.startedAt,
          startTime: state.target.startTime,
        }),
      };
    case 'protected':
      return {
        label,
        status: 'refused',
        detail: msg(closeWords.protected, { reason: state.reason }),
      };
    case 'unverifiable':
      return { label, status: 'refused', detail: msg(closeWords.unverifiable, { pid }) };
  }
}

async function describeAnswer(
  answer: SignalAnswer<ProcessTarget>,
  survivors: readonly ProcessTarget[],
  force: boolean,
  ctx: StepContext,
): Promise<StepItem> {
  const label = targetLabel(answer.target);
  const reason = answer.text;
  if (answer.answer === 'gone') return { label, status: 'gone', detail: msg(closeWords.gone) };
  if (answer.answer === 'reused') {
    return {
      label,
      status: 'refused',
      detail: msg(closeWords.reusedNow, { reason, startTime: answer.target.startTime }),
    };
  }
  if (answer.answer === 'denied') {
    const owner = await ownerOf(answer.target.pid, ctx.probe).catch(() => null);
    return {
      label,
      status: 'denied',
      detail: owner
        ? msg(closeWords.deniedItemOwner, { reason, owner })
        : msg(closeWords.deniedItem, { reason }),
    };
  }
  if (survivors.some((survivor) => survivor.pid === answer.target.pid)) {
    return {
      label,
      status: 'still-running',
      detail: force
        ? msg(closeWords.stillRunningForced, { reason })
        : msg(closeWords.stillRunning, { seconds: GRACEFUL_WAIT_MS / 1000, reason }),
    };
  }
  return {
    label,
    status: 'done',
    detail: msg(force ? closeWords.closedByForce : closeWords.closedItem),
  };
}

/** What the close steps leave, as the journal keeps it (plain JSON: the labels are message ids and values). */
function leftovers(value: CloseLeftovers): StepData {
  return StepDataSchema.parse(value);
}
