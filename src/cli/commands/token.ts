/**
 * `vigie token create USER [--name N] [--expires 30d]` (prints the token once),
 * `vigie token list`, `vigie token revoke ID`.
 * @module
 */
import type { Command } from 'commander';
import { createToken, listTokens, parseDuration, revokeToken } from '../../store/auth-repo.js';
import { EXIT } from '../exit-codes.js';
import type { CommandModule } from './command-module.js';

interface CreateOptions {
  name?: string;
  expires?: string;
  json?: boolean;
}

export const tokenCommand: CommandModule = {
  register(program: Command, run) {
    const token = program
      .command('token')
      .description('manage API tokens (stored hashed; shown once)');
    token
      .command('create <user>')
      .description('create a token for a user and print it once')
      .option('--name <name>', 'a label, e.g. the machine or person using it')
      .option(
        '--expires <duration>',
        'lifetime such as 30d, 12h, 2w, at most 3650d (default: no expiry)',
      )
      .option('--json', 'machine-readable output')
      .action((user: string, options: CreateOptions) =>
        run(async (ctx) => {
          const now = new Date();
          const expiresAt = options.expires
            ? new Date(now.getTime() + parseDuration(options.expires))
            : null;
          const created = await createToken(
            (await ctx.store()).db,
            { user, name: options.name ?? null, expiresAt },
            now,
          );
          if (options.json) {
            ctx.out(JSON.stringify({ token: created.token, ...created.info }));
          } else {
            ctx.out(created.token);
            ctx.info(
              `token ${created.info.id} for ${created.info.userName}${created.info.expiresAt ? `, expires ${created.info.expiresAt}` : ''}: copy it now, it is not shown again`,
            );
          }
          return EXIT.ok;
        }),
      );
    token
      .command('list')
      .description('list tokens (ids, users, expiry; never the secrets)')
      .option('--json', 'machine-readable output')
      .action((options: { json?: boolean }) =>
        run(async (ctx) => {
          const tokens = await listTokens((await ctx.store()).db);
          if (options.json) ctx.out(JSON.stringify(tokens));
          else {
            for (const t of tokens) {
              const state = t.revokedAt
                ? 'revoked'
                : t.expiresAt && Date.parse(t.expiresAt) <= Date.now()
                  ? 'expired'
                  : 'active';
              ctx.out(
                `${t.id}\t${t.userName}\t${state}\t${t.name ?? ''}\t${t.expiresAt ?? 'no expiry'}\t${t.lastUsedAt ?? 'never used'}`,
              );
            }
          }
          return EXIT.ok;
        }),
      );
    token
      .command('revoke <id>')
      .description('revoke a token by id (see vigie token list)')
      .action((id: string) =>
        run(async (ctx) => {
          const result = await revokeToken((await ctx.store()).db, id);
          ctx.out(result.revoked ? `revoked ${id}` : `${id} was already revoked`);
          return EXIT.ok;
        }),
      );
  },
};
