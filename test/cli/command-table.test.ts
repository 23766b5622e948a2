/**
 * The command table (src/cli/commands/index.ts) repeats what each command module registers, so
 * `vigie --help` needs no module: every line must match its module, and the lazy top-level help
 * must read exactly as it would with every module registered.
 */
import { readdirSync } from 'node:fs';
import { Command, CommanderError, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import type { CommandModule } from '../../src/cli/commands/command-module.js';
import { addressedCommand } from '../../src/cli/lazy-commands.js';
import { createProgram } from '../../src/cli/program.js';

const noRun = async (): Promise<void> => undefined;

/** A program that throws instead of exiting and keeps what it prints. */
function captured(program: Command): { program: Command; text: () => string } {
  let text = '';
  program.exitOverride().configureOutput({
    writeOut: (s) => (text += s),
    writeErr: (s) => (text += s),
    getOutHelpWidth: () => 80,
    getErrHelpWidth: () => 80,
  });
  return { program, text: () => text };
}

const argv = (...args: string[]) => ['node', 'vigie', ...args];

describe('command table', () => {
  it('has one line per command, names unique', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(20);
  });

  it('lists every command module in src/cli/commands', async () => {
    const dir = new URL('../../src/cli/commands/', import.meta.url);
    const modules = new Set<unknown>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const exports: Record<string, unknown> = await import(new URL(file, dir).href);
      for (const value of Object.values(exports))
        if (typeof (value as Partial<CommandModule> | null)?.register === 'function')
          modules.add(value);
    }
    const listed = new Set(await Promise.all(COMMANDS.map((c) => c.load())));
    expect(modules).toEqual(listed);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: name, listed term and description match its module',
    async (_name, entry) => {
      const module: CommandModule = await entry.load();
      const program = new Command('vigie');
      module.register(program, noRun);
      expect(program.commands).toHaveLength(1);
      const [command] = program.commands;
      expect(command!.name()).toBe(entry.name);
      expect(command!.description()).toBe(entry.description);
      expect(new Help().subcommandTerm(command!)).toBe(
        [entry.name, entry.term].filter(Boolean).join(' '),
      );
    },
  );

  it('top-level help reads as with every module registered', async () => {
    const eager = captured(createProgram());
    for (const entry of COMMANDS) (await entry.load()).register(eager.program, noRun);
    expect(() => eager.program.parse(argv('--help'))).toThrow(CommanderError);

    const lazy = captured(createProgram());
    await expect(addressedCommand(lazy.program, COMMANDS, argv('--help'))).rejects.toThrow(
      CommanderError,
    );
    expect(lazy.text()).toContain('Commands:');
    expect(lazy.text()).toBe(eager.text());
  });
});

describe('addressedCommand', () => {
  const addressed = async (...args: string[]) =>
    (await addressedCommand(captured(createProgram()).program, COMMANDS, argv(...args)))?.name;

  it('finds the command, after global options and with any arguments or options', async () => {
    expect(await addressed('status', '--json')).toBe('status');
    expect(await addressed('--db', 'x.db', 'user', 'add', 'bob', '--role', 'admin')).toBe('user');
    expect(await addressed('export', '--help')).toBe('export');
    expect(await addressed('backup')).toBe('backup');
  });

  it('finds the command `help NAME` asks about', async () => {
    expect(await addressed('help', 'export')).toBe('export');
  });

  it('leaves an unknown command to commander', async () => {
    const { program, text } = captured(createProgram());
    await expect(addressedCommand(program, COMMANDS, argv('bogus'))).rejects.toMatchObject({
      code: 'commander.unknownCommand',
    });
    expect(text()).toContain("error: unknown command 'bogus'");
  });
});
