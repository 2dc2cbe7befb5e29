/** Challenges: a goal carried by a link, scored against the learner's model with the device estimator. */
export { parseChallengeLink, formatChallengeLink, describeChallenge } from './link';
export type { Challenge, ChallengeDType, ChallengeEngine } from './link';
export { evaluateChallenge } from './evaluate';
export type { ChallengeModel, ChallengeResult, ScoreLine } from './evaluate';
