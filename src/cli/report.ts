/** `lintas report`: report.html and the charts of a compare or sensitivity output folder, or decide.html of a decide folder. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../i18n/langs.js';
import { files, localize, reports } from './modules.js';
import { langArg } from './options.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a self-contained report.html (and charts as SVG/PNG) for a compare or sensitivity output folder, or decide.html for a decide folder')
    .argument('<dir>', 'output folder of lintas compare, sensitivity or decide')
    .option('--lang <code>', 'language of report.html: en, id (Bahasa Indonesia) or ms (Malay)', langArg, 'en')
    .exitOverride()
    .action(async (dir: string, o: { lang: Lang }) => {
      // A file cut short (a crash, a full disk) is a condition of the folder, said in one line.
      for (const name of ['comparison.json', 'sensitivity.json', 'decide.json', 'scenario.json']) (await files()).checkJsonFile(join(dir, name));
      const loc = await localize(o.lang);
      if (existsSync(join(dir, 'decide.json')) && !existsSync(join(dir, 'comparison.json'))) {
        const { charts } = await (await import('../report/decide.js')).buildDecideReport(dir, loc);
        process.stdout.write(`${loc.t('cli.report.wrote', { html: join(dir, 'decide.html'), n: charts.length, charts: join(dir, 'charts') })}\n`);
        return;
      }
      const sensitivityFolder = existsSync(join(dir, 'sensitivity.json')) && !existsSync(join(dir, 'comparison.json'));
      const { charts } = sensitivityFolder ? await (await import('../report/sensitivity.js')).buildSensitivityReport(dir, loc) : await (await reports()).buildReport(dir, loc);
      process.stdout.write(`${loc.t('cli.report.wrote', { html: join(dir, 'report.html'), n: charts.length, charts: join(dir, 'charts') })}\n`);
    });
}
