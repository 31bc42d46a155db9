/**
 * Package names the rest of a pip log mentions: what the user asked for and
 * what pip was doing when it failed. Memory stays bounded however long the log.
 */
const NAME = '([A-Za-z0-9][A-Za-z0-9._-]*)';
const MAX_MENTIONED = 512;

/** pip install options that take a value, so the value is not taken for a package. */
const OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--trusted-host',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--cache-dir',
  '--log',
  '--proxy',
  '--timeout',
  '--retries',
  '--cert',
  '--client-cert',
  '--global-option',
  '--install-option',
  '--config-settings',
  '-C',
  '--report',
  '--only-binary',
  '--no-binary',
  '--python',
]);

const COLLECTING = new RegExp(`^\\s*Collecting ${NAME}`);
const COLLECTED = /^\s*Installing collected packages: (.+)$/;
const IN_PROGRESS = new RegExp(
  `(?:Attempting uninstall: ${NAME}|Found existing installation: ${NAME} |Uninstalling ${NAME}-\\d|Rolling back uninstall of ${NAME}|Successfully uninstalled ${NAME}-\\d)`,
);
const FAILED_BUILD = new RegExp(`Failed building wheel for ${NAME}`);
const NO_MATCH = new RegExp(
  `(?:No matching distribution found for|satisfies the requirement) ${NAME}`,
);
const INDEX_PAGE = /\/simple\/([A-Za-z0-9._-]+)\//;

const PIP_INSTALL =
  /(?:^|[\s>$#])(?:sudo\s+(?:-\S+\s+)*)?(?:\S*python[\d.]*(?:\.exe)?\s+(?:-\S+\s+)*-m\s+)?(?:\S*[\\/])?pip[\d.]*(?:\.exe)?\s+install\s+(.+)$/i;

export class LogContext {
  requested: string | null = null;
  firstCollecting: string | null = null;
  /** The package pip was uninstalling, replacing or rolling back last. */
  inProgress: string | null = null;
  collected: string[] = [];
  failedBuild: string | null = null;
  noMatch: string | null = null;
  indexPage: string | null = null;
  readonly mentioned = new Set<string>();

  observe(line: string): void {
    let match: RegExpExecArray | null;
    if (this.requested === null && (match = PIP_INSTALL.exec(line))) {
      this.requested = firstRequirement(match[1]!);
      if (this.requested) this.mention(this.requested);
      return;
    }
    if ((match = COLLECTING.exec(line))) {
      this.firstCollecting ??= stripExtras(match[1]!);
      this.mention(match[1]!);
    } else if ((match = COLLECTED.exec(line))) {
      this.collected = match[1]!
        .split(/,\s*/)
        .map((n) => n.trim())
        .filter(Boolean)
        .slice(0, 64);
      this.collected.forEach((n) => this.mention(n));
    } else if ((match = IN_PROGRESS.exec(line))) {
      this.inProgress = match.slice(1).find((g) => g !== undefined) ?? null;
      if (this.inProgress) this.mention(this.inProgress);
    } else if ((match = FAILED_BUILD.exec(line))) {
      this.failedBuild = match[1]!;
      this.mention(match[1]!);
    } else if ((match = NO_MATCH.exec(line))) {
      this.noMatch = stripExtras(match[1]!);
      this.mention(this.noMatch);
    } else if ((match = INDEX_PAGE.exec(line))) {
      this.indexPage ??= match[1]!;
    }
  }

  /** The package the log says the user was installing, best evidence first. */
  bestGuess(): string | null {
    return (
      this.inProgress ??
      this.failedBuild ??
      this.noMatch ??
      (this.collected.length === 1 ? this.collected[0]! : null) ??
      this.requested ??
      this.firstCollecting ??
      this.indexPage
    );
  }

  private mention(name: string): void {
    if (this.mentioned.size < MAX_MENTIONED) this.mentioned.add(name);
  }
}

function firstRequirement(args: string): string | null {
  const words = args.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    if (/[\\/]|\.(?:whl|zip|tar\.gz|txt)$/i.test(word)) continue;
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(word.replace(/^["']/, ''));
    if (name) return stripExtras(name[0]);
  }
  return null;
}

function stripExtras(name: string): string {
  return name.replace(/\[.*$/, '').replace(/[.-]+$/, '');
}
