/** The InputProblem a call throws; fails the test when it throws nothing or something else. */
import { InputProblem } from '../../shared/report/errors.ts';

export function problemOf(run: () => unknown): InputProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof InputProblem) return error;
    throw error;
  }
  throw new Error('expected an InputProblem');
}

export async function problemOfAsync(run: () => Promise<unknown>): Promise<InputProblem> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputProblem) return error;
    throw error;
  }
  throw new Error('expected an InputProblem');
}
