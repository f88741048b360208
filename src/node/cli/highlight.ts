import { CliError, type Command } from './common';

// Implemented by its issue; until then the command says so (exit 2).
export const highlightCommand: Command = () => {
  throw new CliError('команда «highlight» ещё не реализована');
};
