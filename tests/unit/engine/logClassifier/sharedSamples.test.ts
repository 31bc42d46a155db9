import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { classifyLogText } from '../../../../electron/engine/logClassifier';
import { LogFindingSchema } from '../../../../electron/shared/model/logFinding';
import { SAMPLES_COPY, SAMPLES_ORIGINAL, loadSamples } from './loadSamples';
import type { Sample } from './loadSamples';
import { english } from '../../../support/english';

const samples = loadSamples();

/**
 * Labels the classifier cannot be expected to reproduce from the log alone.
 * gh-sixfab-Sixfab_PPP_Installer-41 is labelled package "atcom" because the
 * poster named it in the thread's prose; the pasted log is only pip's PEP 668
 * message and the installer script's "Process failed": no command line, no
 * `Collecting`/`Processing`/`Installing collected packages` line, no path and
 * no project name (the rptl.io link is Raspberry Pi's venv page), so no rule
 * derives a package and the honest answer is null.
 */
const EXPECTED_DISAGREEMENTS: Record<string, { package: null; reason: string }> = {
  'gh-sixfab-Sixfab_PPP_Installer-41': {
    package: null,
    reason: 'the label "atcom" comes from the thread prose, not from the log',
  },
};

const agrees = (sample: Sample): boolean => {
  const finding = classifyLogText(sample.log);
  return (
    finding.category === sample.category &&
    finding.path === sample.path &&
    finding.package === sample.package
  );
};

describe('the repository copy of the shared samples', () => {
  test('holds all 23 labelled logs with unique ids', () => {
    expect(samples).toHaveLength(23);
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
  });

  test.runIf(existsSync(SAMPLES_ORIGINAL))(
    'is byte-identical to shared/samples/pip-logs.jsonl',
    () => {
      expect(readFileSync(SAMPLES_COPY).equals(readFileSync(SAMPLES_ORIGINAL))).toBe(true);
    },
  );
});

describe('each shared sample gets the labelled category, path and package', () => {
  const agreeing = samples.filter((s) => !(s.id in EXPECTED_DISAGREEMENTS));

  test.each(agreeing.map((s) => [s.id, s] as const))('%s', (_id, sample) => {
    const finding = classifyLogText(sample.log);
    expect({ category: finding.category, path: finding.path, package: finding.package }).toEqual({
      category: sample.category,
      path: sample.path,
      package: sample.package,
    });
  });

  test.each(samples.map((s) => [s.id, s] as const))(
    '%s gives a schema-valid finding with a summary',
    (_id, sample) => {
      const finding = classifyLogText(sample.log);
      expect(LogFindingSchema.safeParse(finding).success).toBe(true);
      expect(english(finding.summary).trim()).not.toBe('');
    },
  );
});

describe('known disagreement with the labels', () => {
  test('gh-sixfab-Sixfab_PPP_Installer-41: package is not in the log, so none is claimed', () => {
    const sample = samples.find((s) => s.id === 'gh-sixfab-Sixfab_PPP_Installer-41')!;
    expect(sample.package).toBe('atcom');
    expect(sample.log.toLowerCase()).not.toContain('atcom');

    const finding = classifyLogText(sample.log);
    expect(finding.category).toBe(sample.category);
    expect(finding.path).toBe(sample.path);
    expect(finding.package).toBe(EXPECTED_DISAGREEMENTS[sample.id]!.package);
    expect(finding).toMatchObject({ requested: null, command: null, interpreter: null });
  });

  test('every listed disagreement names a sample that exists', () => {
    const ids = new Set(samples.map((s) => s.id));
    for (const id of Object.keys(EXPECTED_DISAGREEMENTS)) expect(ids.has(id)).toBe(true);
  });

  test('at least 21 of the 23 samples agree on category, path and package', () => {
    const agreeing = samples.filter(agrees).length;
    expect(agreeing).toBeGreaterThanOrEqual(21);
  });
});
