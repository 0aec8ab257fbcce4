import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../kernel/auth';
import { withPlatform } from '../open';

export function usersCommand() {
  const users = new Command('users').description('Platform user accounts');
  users
    .command('create')
    .description('Create a user (the password comes from --password or SANQU_NEW_PASSWORD)')
    .requiredOption('--username <name>')
    .requiredOption('--display-name <name>')
    .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
    .option('--password <password>', 'prefer SANQU_NEW_PASSWORD: arguments show up in the shell history')
    .option('--department <department>', 'officers: their department')
    .option('--division <code>', 'officers: the division they serve; others: where they belong')
    .option('--subject <id>', 'the resident ID, credit code or village code the account stands for')
    .action(
      (options: {
        username: string;
        displayName: string;
        role: Role;
        password?: string;
        department?: string;
        division?: string;
        subject?: string;
      }) =>
        withPlatform(async (platform) => {
          const password = options.password ?? process.env.SANQU_NEW_PASSWORD;
          if (!password) throw new Error('give --password or set SANQU_NEW_PASSWORD');
          const user = await platform.auth.createUser(
            {
              username: options.username,
              password,
              displayName: options.displayName,
              role: options.role,
              department: options.department ?? null,
              divisionCode: options.division ?? null,
              subjectId: options.subject ?? null,
            },
            null,
          );
          process.stdout.write(`created ${user.username} (${user.role}) id=${user.id}\n`);
        }),
    );
  return users;
}
