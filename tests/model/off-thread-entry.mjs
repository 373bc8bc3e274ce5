// Piscina loads this plain module in its thread; it registers tsx so the TypeScript runner loads.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./off-thread-worker.ts');
export default run;
