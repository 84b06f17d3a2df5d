/** `transnorm gazetteer`: registered once its issue lands (placeholder registers nothing). */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerGazetteerMaintenance } from './gazetteer-maintain.js';

export function registerGazetteer(program: Command, io: CliIO): void {
  // Minimal wiring by the maintenance issue so its subcommands can be used and tested; the
  // gazetteer issue owns this file (validate, show, lookup) and keeps this call.
  const gazetteer = program.command('gazetteer').description('inspect and maintain the gazetteer');
  registerGazetteerMaintenance(gazetteer, io);
}
