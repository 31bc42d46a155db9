import type { StepItem } from '../../shared/actionModel';
import { checkTargets, fixedGrace, ownerOf, waitForExit } from '../run/liveTargets';
import type { TargetState } from '../run/liveTargets';
import { signalProcesses } from '../../platform/signalProcesses';
import type { SignalAnswer } from '../../platform/signalProcesses';
import type { ProcessTarget } from '../steps/specs';
import { CloseLeftoversSchema } from './specs';
import { closeProcessesCommand } from '../../platform/windows/closeProcessesScript';
import type { StepContext, StepExecutor, StepOutcome } from '../steps/stepContext';
import { outcome } from '../steps/stepContext';

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
      return outcome('skipped', 'Nothing is left that Pip Doctor may close.', {
        data: { survivors: [], denied: [] },
      });
    }
    const agreed = await ctx.askConsent(
      `${running.map((target) => target.label).join(', ')} did not close when asked. Close ${running.length === 1 ? 'it' : 'them'} by force? Anything unsaved in ${running.length === 1 ? 'it' : 'them'} is lost.`,
      running.map((target) => target.label),
      spec.systemRoot === null ? null : closeProcessesCommand(spec.systemRoot, running, true),
    );
    if (!agreed) {
      return outcome(
        ctx.signal.aborted ? 'cancelled' : 'skipped',
        'You chose not to close them by force; they are still running.',
        {
          items: running.map((target) => ({
            label: target.label,
            status: 'still-running' as const,
            detail: 'left running, as you chose',
          })),
          data: { survivors: running, denied: [] },
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
  const detail = [
    ...(survivors.length > 0 ? [`${survivors.length} did not close`] : []),
    ...(deniedCount > 0 ? [`${deniedCount} could not be closed (not allowed)`] : []),
    ...(closed > 0 ? [`${closed} closed`] : []),
    ...(items.some((item) => item.status === 'gone') ? ['some had closed already'] : []),
  ];
  if (detail.length === 0) detail.push('nothing was left to close');
  const denied = answers
    .filter((answer) => answer.answer === 'denied')
    .map((answer) => answer.target);
  const said = detail.join(', ');
  return outcome(
    ctx.signal.aborted ? 'cancelled' : 'done',
    `${said[0]!.toUpperCase()}${said.slice(1)}.`,
    {
      items,
      data: { survivors, denied },
    },
  );
}

function describeUntouched(state: Exclude<TargetState, { state: 'present' }>): StepItem {
  const label = state.target.label;
  switch (state.state) {
    case 'gone':
      return { label, status: 'gone', detail: 'It had already closed.' };
    case 'reused':
      return {
        label,
        status: 'refused',
        detail: `Left alone: process id ${state.target.pid} now belongs to a program that started at ${state.startedAt}, not the one the scan found (started ${state.target.startTime}).`,
      };
    case 'protected':
      return { label, status: 'refused', detail: `Left alone: ${state.reason}.` };
    case 'unverifiable':
      return {
        label,
        status: 'refused',
        detail: `Left alone: its start time cannot be read, so Pip Doctor cannot be sure process id ${state.target.pid} is still the program the scan found. Close it yourself.`,
      };
  }
}

async function describeAnswer(
  answer: SignalAnswer<ProcessTarget>,
  survivors: readonly ProcessTarget[],
  force: boolean,
  ctx: StepContext,
): Promise<StepItem> {
  const label = answer.target.label;
  if (answer.answer === 'gone') return { label, status: 'gone', detail: 'It had already closed.' };
  if (answer.answer === 'reused') {
    return {
      label,
      status: 'refused',
      detail: `Left alone: ${answer.text}, not the one the scan found (started ${answer.target.startTime}).`,
    };
  }
  if (answer.answer === 'denied') {
    const owner = await ownerOf(answer.target.pid, ctx.probe).catch(() => null);
    return {
      label,
      status: 'denied',
      detail: `The system did not allow Pip Doctor to close it (${answer.text})${owner ? `: it runs as ${owner}` : ''}. Close it yourself, or ask an administrator.`,
    };
  }
  if (survivors.some((survivor) => survivor.pid === answer.target.pid)) {
    return {
      label,
      status: 'still-running',
      detail: force
        ? `It is still running after being ended by force (${answer.text}).`
        : `It did not close within ${GRACEFUL_WAIT_MS / 1000} seconds (${answer.text}).`,
    };
  }
  return { label, status: 'done', detail: force ? 'Closed by force.' : 'Closed.' };
}
