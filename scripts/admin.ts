import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UserRole, Username } from '../shared/auth.js';
import { formatPath } from '../shared/reply.js';
import { UnitId, UnitRegistration } from '../shared/units.js';
import { KyselyTrackingStore } from '../server/store/tracking.js';
import { AccountError, AccountService } from '../server/auth/accounts.js';
import { AuditLog } from '../server/audit/audit-log.js';
import { systemClock } from '../server/clock.js';
import { openDatabase } from '../server/db/open.js';
import { parseEnv } from '../server/env.js';

const HELP = `Administration of the operations map, straight on its database (the server may be running).

  npm run admin -- users
  npm run admin -- add-user <username> --role <admin|commander|operator|viewer> [--name "Full Name"] [--sensitive] [--password P]
  npm run admin -- set-role <username> <role>
  npm run admin -- set-sensitive <username> <on|off>
  npm run admin -- disable <username>        | enable <username>
  npm run admin -- reset-password <username> [--password P]
  npm run admin -- add-unit <unitId> --callsign MAL-FPU-3 --type <fpu-vehicle|ipo-foot|joint-patrol|static-post> --office <field office>
  npm run admin -- device-tokens
  npm run admin -- issue-device-token <unitId> [--label "Phone of MAL-FPU-1"]
  npm run admin -- revoke-device-token <tokenId>
  npm run admin -- wall-links
  npm run admin -- issue-wall-link <label> [--base-url http://joc-server:8080]
  npm run admin -- revoke-wall-link <linkId>
  npm run admin -- audit [--limit 50]

The database is the server's: PostgreSQL at DATABASE_URL when it is set, otherwise the one under
DATA_DIR (default ./data). Without --password a random password is printed once.`;

const ACTOR = `cli:${process.env.USER ?? 'unknown'}`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      sensitive: { type: 'boolean' },
      password: { type: 'string' },
      label: { type: 'string' },
      callsign: { type: 'string' },
      type: { type: 'string' },
      office: { type: 'string' },
      'base-url': { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    console.log(HELP);
    return command ? 0 : 2;
  }
  const env = parseEnv(process.env);
  if (!env.ok) {
    console.error(env.message);
    return 2;
  }
  const db = await openDatabase(env.env);
  const audit = new AuditLog(db, systemClock);
  const accounts = new AccountService(db, systemClock, audit);
  const arg = (i: number, what: string) => {
    const value = args[i];
    if (!value) throw new AccountError('invalid_input', `missing ${what}; see \`npm run admin -- --help\``);
    return value;
  };
  const userNamed = async (name: string) => {
    const user = await accounts.userByName(Username.parse(name));
    if (!user) throw new AccountError('not_found', `no user "${name}"`);
    return user;
  };
  try {
    switch (command) {
      case 'users':
        console.table((await accounts.listUsers()).map((u) => ({ username: u.username, name: u.displayName, role: u.role, sensitive: u.sensitive, disabled: u.disabled })));
        break;
      case 'add-user': {
        const { user, password } = await accounts.createUser(
          {
            username: Username.parse(arg(0, 'the username')),
            displayName: values.name ?? arg(0, 'the username'),
            role: UserRole.parse(values.role),
            sensitive: values.sensitive ?? false,
            ...(values.password ? { password: values.password } : {}),
          },
          ACTOR,
        );
        console.log(`Created ${user.username} (${user.role}${user.sensitive ? ', need-to-know' : ''}).`);
        if (!values.password) console.log(`Password (shown once): ${password}`);
        break;
      }
      case 'set-role': {
        const user = await userNamed(arg(0, 'the username'));
        await accounts.updateUser(user.id, { role: UserRole.parse(arg(1, 'the role')) }, ACTOR);
        console.log(`${user.username} is now ${args[1]}; their sessions were ended.`);
        break;
      }
      case 'set-sensitive': {
        const user = await userNamed(arg(0, 'the username'));
        const on = z.enum(['on', 'off']).parse(arg(1, 'on or off')) === 'on';
        await accounts.updateUser(user.id, { sensitive: on }, ACTOR);
        console.log(`${user.username}: need-to-know ${on ? 'granted' : 'withdrawn'}.`);
        break;
      }
      case 'disable':
      case 'enable': {
        const user = await userNamed(arg(0, 'the username'));
        await accounts.updateUser(user.id, { disabled: command === 'disable' }, ACTOR);
        console.log(`${user.username} ${command}d.`);
        break;
      }
      case 'reset-password': {
        const user = await userNamed(arg(0, 'the username'));
        const password = await accounts.resetPassword(user.id, values.password, ACTOR);
        console.log(values.password ? `Password of ${user.username} changed.` : `New password of ${user.username} (shown once): ${password}`);
        break;
      }
      case 'add-unit': {
        const unit = UnitRegistration.parse({ id: arg(0, 'the unit id'), callsign: values.callsign, type: values.type, fieldOffice: values.office });
        await new KyselyTrackingStore(db).upsertUnits([unit]);
        await audit.record({ actor: ACTOR, action: 'unit.register', target: unit.id, details: { ...unit } });
        console.log(`${unit.callsign} (${unit.id}) is on the roster; issue its tracker a token with issue-device-token ${unit.id}.`);
        break;
      }
      case 'device-tokens':
        console.table(await accounts.listDeviceTokens());
        break;
      case 'issue-device-token': {
        const unitId = UnitId.parse(arg(0, 'the unit id'));
        const { token, deviceToken } = await accounts.issueDeviceToken(unitId, values.label ?? `tracker of ${unitId}`, ACTOR);
        console.log(`Token ${deviceToken.id} for ${unitId} (shown once):\n${token}`);
        break;
      }
      case 'revoke-device-token':
        await accounts.revokeDeviceToken(arg(0, 'the token id'), ACTOR);
        console.log('Revoked.');
        break;
      case 'wall-links':
        console.table(await accounts.listWallLinks());
        break;
      case 'issue-wall-link': {
        const { token, wallLink } = await accounts.issueWallLink(arg(0, 'the label'), ACTOR);
        const base = values['base-url'] ?? `http://localhost:${env.env.PORT}`;
        console.log(`Wall link ${wallLink.id} "${wallLink.label}" (shown once; open it on the display):\n${new URL(`/wall/${token}`, base).toString()}`);
        break;
      }
      case 'revoke-wall-link':
        await accounts.revokeWallLink(arg(0, 'the link id'), ACTOR);
        console.log('Revoked; displays using it are signed out.');
        break;
      case 'audit':
        console.table(await audit.list({ limit: Number(values.limit ?? 50) }));
        break;
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
    return 0;
  } catch (err) {
    if (err instanceof AccountError) console.error(err.message);
    else if (err instanceof z.ZodError) console.error(err.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
    else throw err;
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
