import type { RemedyFacts } from '../../engine/recommend/remedyFacts';
import type { RemedyWords } from '../remedyWords';

/**
 * The folder its commands create, as the user knows it: by its name when it
 * goes into the project (`.venv`, `.venv-new`), by its whole path elsewhere
 * (the short folder a long-path error needs).
 */
function createdFolder({
  os,
  projectDir,
  venvFolder,
}: Pick<RemedyFacts, 'os' | 'projectDir' | 'venvFolder'>): string {
  return os.paths.dirname(venvFolder) === projectDir
    ? `a ${os.paths.basename(venvFolder)} folder in your project`
    : `the folder ${venvFolder}`;
}

export const venvWords: RemedyWords = {
  title: 'Use a virtual environment',
  changes: (facts) =>
    `Creates ${createdFolder(facts)} and installs the package there. Nothing outside that folder changes.`,
  actionLabel: ({ loggedPackage }) =>
    loggedPackage
      ? `Create a virtual environment and install ${loggedPackage}`
      : 'Create a virtual environment',
  packageUse: 'optional',
};
