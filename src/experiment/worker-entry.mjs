// Piscina loads this plain module in each worker thread; it registers tsx so the TypeScript
// task runner can be imported, whatever the parent process was started with.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
