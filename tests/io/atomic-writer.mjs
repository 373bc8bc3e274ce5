// A worker thread for atomic.test.ts: reports its first temporary name for the path, then
// writes the path many times through src/io/atomic.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { tempName, writeFileAtomic } = await import('../../src/io/atomic.ts');
parentPort.postMessage(tempName(workerData.path));
for (let i = 0; i < workerData.times; i++) writeFileAtomic(workerData.path, workerData.text);
