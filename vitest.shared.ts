/**
 * What both test configs share: `lintas` (the package's own name, as the shipped scenarios and a
 * user's files import it) resolves to the sources under test, not to the built copy in dist/.
 */
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const lintasAlias = [
  { find: /^lintas$/, replacement: here('./src/index.ts') },
  { find: /^lintas\/report$/, replacement: here('./src/report/index.ts') },
  { find: /^lintas\/scenarios\/(.*)$/, replacement: `${here('./scenarios/')}$1.ts` },
];
