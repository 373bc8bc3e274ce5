#!/usr/bin/env node
// Waits until a Kubernetes Job has ended (its Complete or Failed condition is True), reading it
// through the Kubernetes API with the pod's service account: the init container of the merge Job
// (merge-job.yaml), so that the merge starts when the shards' Indexed Job has ended. It exits 0
// either way: after a failed shard the merge itself names what to rerun.
//   node wait-for-job.mjs JOB [NAMESPACE]
// KUBERNETES_API (default https://kubernetes.default.svc), LINTAS_WAIT_SECONDS (between polls,
// default 15) and LINTAS_SERVICE_ACCOUNT (default /var/run/secrets/kubernetes.io/serviceaccount)
// can be set; NODE_EXTRA_CA_CERTS must name the service account's ca.crt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [job, namespaceArg] = process.argv.slice(2);
if (!job) {
  process.stderr.write('usage: node wait-for-job.mjs JOB [NAMESPACE]\n');
  process.exit(2);
}
const account = process.env.LINTAS_SERVICE_ACCOUNT ?? '/var/run/secrets/kubernetes.io/serviceaccount';
const api = process.env.KUBERNETES_API ?? 'https://kubernetes.default.svc';
const every = Number(process.env.LINTAS_WAIT_SECONDS ?? 15) * 1000;
const namespace = namespaceArg ?? readFileSync(join(account, 'namespace'), 'utf8').trim();
const url = `${api}/apis/batch/v1/namespaces/${encodeURIComponent(namespace)}/jobs/${encodeURIComponent(job)}`;

for (;;) {
  const token = readFileSync(join(account, 'token'), 'utf8').trim(); // rotated: read each time
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (res.ok) {
      const conditions = (await res.json()).status?.conditions ?? [];
      const ended = conditions.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
      if (ended) {
        process.stdout.write(`job ${job}: ${ended.type}\n`);
        process.exit(0);
      }
    } else process.stderr.write(`job ${job}: the API answered ${res.status}; trying again\n`);
  } catch (e) {
    process.stderr.write(`job ${job}: ${e.message}; trying again\n`);
  }
  await new Promise((r) => setTimeout(r, every));
}
