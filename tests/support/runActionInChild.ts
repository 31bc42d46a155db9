import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ActionService } from '../../electron/remedies/run/actionService';
import { PlanRequestSchema } from '../../electron/shared/planRequest';
import { DiagnosisSchema } from '../../electron/shared/model/diagnosis';
import { createPosixSystemProbe } from '../../electron/platform/posix/posixSystemProbe';

/**
 * Runs one action in a process of its own, the way the app would: for the
 * tests that need the action to run as another user, or to die mid-way.
 * Prints every progress event as a JSON line, then the outcome. With
 * `pauseAt`, it stops dead (the event loop blocked, nothing more written)
 * right after that step has started, so a test can SIGKILL it exactly
 * between the step's journal entries.
 */

const JobSchema = z.object({
  dataDir: z.string(),
  homeDir: z.string(),
  pipSourceArgs: z.array(z.string()),
  scanId: z.string(),
  diagnosis: DiagnosisSchema,
  request: PlanRequestSchema,
  pauseAt: z.string().nullable(),
  consent: z.boolean(),
});

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function main(): Promise<void> {
  const job = JobSchema.parse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
  const service: ActionService = new ActionService({
    probe: createPosixSystemProbe(process.env),
    dataDir: job.dataDir,
    env: process.env,
    projectDir: job.homeDir,
    homeDir: job.homeDir,
    pipSourceArgs: job.pipSourceArgs,
    onProgress(event) {
      print({ event });
      if (event.type === 'consent-needed')
        service.answerConsent(event.runId, event.stepId, job.consent);
      if (event.type === 'step-started' && event.stepId === job.pauseAt) {
        // Its own pid: the test checks that the process it kills is this one.
        print({ paused: { stepId: event.stepId, pid: process.pid } });
        // Blocks this process for good: no timer, no I/O, no further journal entry.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
      }
    },
  });
  service.useDiagnosis(job.scanId, job.diagnosis);
  const plan = await service.plan(job.request);
  print({ plan });
  print({ outcome: await service.run(plan.id) });
}

void main();
