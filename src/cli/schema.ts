/** `lintas schema`: prints the JSON Schema of a .json/.yaml scenario. */
import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of a .json/.yaml scenario, for editors (see docs/scenarios.md)')
    .exitOverride()
    .action(async () => {
      const { scenarioJsonSchema } = await import('../report/scenario-schema.js');
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
