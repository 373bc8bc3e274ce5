/** `lintas brief`: a 2–4 page A4 policy brief (PDF, through Chromium) from a compare output folder. */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { Lang } from '../i18n/langs.js';
import { localize } from './modules.js';
import { langArg } from './options.js';

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('print a 2–4 page A4 policy brief (PDF, through Chromium) from a compare output folder')
    .argument('<dir>', 'output folder of lintas compare')
    .option('--lang <code>', 'language of the brief: en, id (Bahasa Indonesia) or ms (Malay)', langArg, 'en')
    .option('--out <file>', 'the PDF to write (default: DIR/brief.pdf, or DIR/brief-<lang>.pdf for id and ms)')
    .option('--chromium <path>', 'the Chromium to print with (default: /usr/bin/chromium, or LINTAS_CHROMIUM)')
    .exitOverride()
    .action(async (dir: string, o: { lang: Lang; out?: string; chromium?: string }) => {
      const out = o.out ?? join(dir, o.lang === 'en' ? 'brief.pdf' : `brief-${o.lang}.pdf`);
      const { writeBrief } = await import('../report/brief.js');
      const loc = await localize(o.lang);
      const { pages } = await writeBrief(dir, out, loc, o.chromium ?? process.env.LINTAS_CHROMIUM);
      process.stdout.write(`${loc.t('brief.wrote', { file: out, pages })}\n`);
    });
}
