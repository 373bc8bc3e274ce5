// Piscina loads this plain module in each worker thread; it registers tsx so the TypeScript
// task runner can be imported, whatever the parent process was started with.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The repository's tsconfig, wherever the command was typed: it maps `lintas` to the sources.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { default: run } = await import('./worker.ts');
export default run;
