/**
 * The `nianbao` command line. Subcommands, each in its own file with its own options and `--help`:
 *
 *   nianbao check FILE... [--json] [--previous FILE]                                  (check.ts)
 *   nianbao revalidate [--year Y] [--agency A] [--dry-run] [--json] [--table NAME]     (revalidate.ts)
 *   nianbao upload [--prefix P] [--timeout SECONDS] [--no-wait] FILE...               (upload.ts)
 *   nianbao view REPORT_ID [--version V] [--api URL] [--out FILE]                    (view.ts)
 *   nianbao export --year Y (--xlsx FILE | --csv FILE) [--api URL | --direct]         (export.ts)
 *
 * `main` returns the exit status instead of exiting, so tests run it in process.
 */
import { Command, CommanderError } from 'commander';
import { checkCommand } from './check.ts';
import { exportCommand } from './export.ts';
import { type Output, STDIO } from './io.ts';
import { revalidateCommand } from './revalidate.ts';
import { uploadCommand } from './upload.ts';
import { viewCommand } from './view.ts';

export type { Output };

const USAGE = `usage: nianbao check FILE... [--json] [--previous FILE]
       nianbao revalidate [--year Y] [--agency A] [--dry-run] [--json] [--table NAME]
       nianbao upload [--prefix P] [--timeout SECONDS] [--no-wait] FILE...
       nianbao view REPORT_ID [--version V] [--api URL] [--out FILE]
       nianbao export --year Y (--xlsx FILE | --csv FILE [--sheet findings]) [--api URL | --direct [--table NAME]]
       nianbao help [COMMAND]`;

/** The program with every subcommand, writing to `io`; actions put their exit status in `status.code`. */
export function createProgram(io: Output, status: { code: number }): Command {
  const program = new Command('nianbao')
    .description('Checks 政府信息公开工作年度报告 (government information-disclosure annual reports).')
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();
  const commands = [checkCommand, revalidateCommand, uploadCommand, viewCommand, exportCommand].map((c) => c(io, status));
  for (const command of commands) {
    program.addCommand(
      command.exitOverride().configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) }),
    );
  }
  return program;
}

/**
 * Runs the command line.
 * @param argv - the arguments after the program name
 * @returns the exit status: the subcommand's, 0 for help, 2 for a usage error
 */
export async function main(argv: string[], io: Output = STDIO): Promise<number> {
  const status = { code: 0 };
  if (argv.length === 0) {
    io.err(USAGE);
    return 2;
  }
  try {
    await createProgram(io, status).parseAsync(argv, { from: 'user' });
    return status.code;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.unknownCommand') io.err(USAGE);
    return 2;
  }
}
