/**
 * Finds which sub-command argv addresses without importing any command module. Each command is
 * a placeholder built from its table line: it has the real name, description and listed term, so
 * commander answers top-level help, `--version`, unknown commands (with suggestions) and global
 * option errors exactly as with the real commands, and exits. A placeholder takes any argument
 * and option, and only reports that it was addressed; the caller then loads that one module and
 * parses argv again, so the command's own help, options and errors are the real ones.
 * @module
 */
import { Command, Help } from 'commander';
import type { CommandEntry } from './commands/command-module.js';

/**
 * Thrown by a placeholder's help(): commander calls it synchronously for `vigie help NAME`, where
 * the module cannot be imported yet and help() must not return.
 */
class HelpAddressed extends Error {
  constructor(readonly entry: CommandEntry) {
    super(`help for ${entry.name}`);
  }
}

class Placeholder extends Command {
  constructor(
    readonly entry: CommandEntry,
    onAddressed: (entry: CommandEntry) => void,
  ) {
    super(entry.name);
    this.description(entry.description)
      // `NAME --help` must reach the action too: the real command prints its help.
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => onAddressed(entry));
  }

  override help(): never {
    throw new HelpAddressed(this.entry);
  }
}

/** The command list shows a placeholder's term from the table, as commander would the real one. */
const standardHelp = new Help();
const subcommandTerm = (cmd: Command): string =>
  cmd instanceof Placeholder
    ? [cmd.name(), cmd.entry.term].filter(Boolean).join(' ')
    : standardHelp.subcommandTerm(cmd);

/**
 * Parses argv against placeholders added to `program`; resolves to the addressed command's line.
 * When no command is addressed, commander has printed help, the version or an error and exited.
 */
export async function addressedCommand(
  program: Command,
  commands: readonly CommandEntry[],
  argv: readonly string[],
): Promise<CommandEntry | undefined> {
  let addressed: CommandEntry | undefined;
  program.configureHelp({ subcommandTerm });
  for (const entry of commands)
    program.addCommand(new Placeholder(entry, (found) => (addressed = found)));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof HelpAddressed) return error.entry;
    throw error;
  }
  return addressed;
}
