import { parseArgs, type ParseArgsConfig } from "node:util";
import { AppError } from "./errors.ts";

// What the operator commands (npm run users, npm run import) share: wrong
// arguments exit 2 with the usage, other failures exit 1 with a message.

/** Wrong arguments: the usage is printed and the exit code is 2. */
export class Misuse extends Error {}

/** parseArgs with positionals allowed; arguments it cannot read are a Misuse. */
export function parseCli<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (err) {
    throw new Misuse((err as Error).message);
  }
}

/**
 * Runs a command's main and sets the exit code. `explain` prints the
 * failures the command knows (field errors, import problems) and returns
 * true; anything else prints its message.
 */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string, explain: (err: unknown) => boolean): void {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      if (err instanceof Misuse) {
        console.error(`${err.message}\n\n${usage}`);
        process.exitCode = 2;
        return;
      }
      if (!explain(err)) console.error(err instanceof AppError ? err.message : `Failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
