/** Where the CLI writes: standard output and error, or a capture in tests. */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The process's standard output and error, one line per call. */
export const STDIO: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
