/**
 * electron-builder.json against electron-builder's own JSON schema and its own
 * validator, plus the promises it makes to users: a per-user installer that
 * never asks for administrator rights, and the right targets per OS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/repoPaths';

const require = createRequire(__filename);
const config = JSON.parse(
  readFileSync(join(REPO, 'electron-builder.json'), 'utf8'),
) as Configuration & { $schema?: string };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

function validateWithSchema(candidate: unknown): string[] {
  // strict: false because the schema uses keywords ajv's strict mode rejects;
  // electron-builder compiles it the same way.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate(candidate)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** electron-builder's own check; a deep import, so it may move in a later release. */
const VALIDATOR = join(
  REPO,
  'node_modules',
  'app-builder-lib',
  'out',
  'util',
  'config',
  'config.js',
);

async function validateWithElectronBuilder(candidate: unknown): Promise<void> {
  const { validateConfiguration } = require(VALIDATOR) as {
    validateConfiguration(cfg: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
  await validateConfiguration(structuredClone(candidate), new DebugLogger(false));
}

function targetNames(targets: Configuration['win']): string[] {
  const list = (targets as { target?: Array<TargetConfiguration> } | undefined)?.target ?? [];
  return list.map((t) => t.target);
}

describe('electron-builder.json', () => {
  it("matches electron-builder's JSON schema (app-builder-lib/scheme.json)", () => {
    expect(validateWithSchema(config)).toEqual([]);
  });

  it('the schema check has teeth: a misspelt option is refused', () => {
    const typo = { ...config, nsis: { ...config.nsis, oneclick: true } };
    expect(validateWithSchema(typo).join('\n')).toMatch(/additional properties/);
  });

  it.skipIf(!existsSync(VALIDATOR))("passes electron-builder's own validator", async () => {
    await expect(validateWithElectronBuilder(config)).resolves.toBeUndefined();
    await expect(
      validateWithElectronBuilder({ ...config, win: { tagret: 'nsis' } }),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app once; the version comes from package.json', () => {
    expect(config.appId).toBe('org.pipdoctor.app');
    expect(config.productName).toBe('Pip Doctor');
    expect(config.extraMetadata?.author?.name).toBe('Pip Doctor contributors');
    expect(config).not.toHaveProperty('buildVersion');
    expect(config.extraMetadata).not.toHaveProperty('version');
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg).not.toHaveProperty('build'); // one place for the configuration
  });

  it('installs per user, one click, without ever asking for administrator rights', () => {
    expect(config.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      packElevateHelper: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.portable?.requestExecutionLevel).toBe('user');
  });

  it('builds NSIS + portable on Windows, dmg on macOS, AppImage + deb on Linux', () => {
    expect(targetNames(config.win)).toEqual(['nsis', 'portable']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    // Both Windows targets make an .exe: distinct names, so neither overwrites the other.
    expect(config.nsis?.artifactName).not.toBe(config.portable?.artifactName);
  });

  it('points at files that exist: icons and the afterPack hook', () => {
    for (const file of [config.win?.icon, config.mac?.icon, config.linux?.icon, config.afterPack]) {
      expect(typeof file === 'string' && existsSync(join(REPO, file)), String(file)).toBe(true);
    }
    // Fuses are flipped by the hook only; electron-builder's electronFuses would do it twice.
    expect(config).not.toHaveProperty('electronFuses');
  });

  it('unpacks the PowerShell probes: powershell.exe cannot read a file inside app.asar', () => {
    expect(config.files).toContain('assets/windows/*.ps1');
    expect(config.asarUnpack).toContain('assets/windows/*.ps1');
  });
});
