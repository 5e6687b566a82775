/**
 * Class quizzes: build the same quiz from a link on every device, run it, score it. Pure.
 * @example const quiz = buildQuiz(deck, params); let run = startRun(quiz, new Date());
 */
export * from './build';
export * from './paced';
export * from './params';
export * from './random';
export * from './results';
export * from './run';
export * from './scoring';
