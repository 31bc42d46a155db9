import type { RemedyAdvisor } from '../engine/recommend/remedyFacts';

/** A remedy's words (its words.ts): the title, what it changes, and its one-click button. */
export type RemedyWords = Pick<RemedyAdvisor, 'title' | 'changes' | 'actionLabel' | 'packageUse'>;
