/**
 * `vigie user add NAME --role viewer|analyst|admin`, `vigie user list`.
 * @module
 */
import type { Command } from 'commander';
import { ROLES, addUser, listUsers } from '../../store/auth-repo.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

export const userCommand: CommandModule = {
  register(program: Command, run) {
    const user = program
      .command('user')
      .description('manage API users (roles: viewer < analyst < admin)');
    user
      .command('add <name>')
      .description('add a user; then give it a token with: vigie token create NAME')
      .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
      .action((name: string, options: { role: string }) =>
        run(async (ctx) => {
          const created = await addUser((await ctx.store()).db, { name, role: options.role });
          ctx.out(`added user ${created.name} (${created.role}), id ${created.id}`);
          return EXIT.ok;
        }),
      );
    user
      .command('list')
      .description('list users and their roles')
      .option('--json', 'machine-readable output')
      .action((options: { json?: boolean }) => run((ctx) => list(ctx, options.json === true)));
  },
};

async function list(ctx: CliContext, json: boolean): Promise<number> {
  const users = await listUsers((await ctx.store()).db);
  if (json) ctx.out(JSON.stringify(users));
  else if (users.length === 0) ctx.info('no users yet: vigie user add NAME --role viewer');
  else for (const u of users) ctx.out(`${u.name}\t${u.role}\t${u.id}\t${u.createdAt}`);
  return EXIT.ok;
}
