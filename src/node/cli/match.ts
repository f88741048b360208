import { CliError, type Command } from './common';

// Implemented by its issue; until then the command says so (exit 2).
export const matchCommand: Command = () => {
  throw new CliError('команда «match» ещё не реализована');
};
