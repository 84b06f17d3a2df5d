/** `transnorm models`: registered once its issue lands (placeholder registers nothing). */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export function registerModels(_program: Command, _io: CliIO): void {}
