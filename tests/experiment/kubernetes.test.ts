/**
 * The Kubernetes examples cannot run here (no cluster); they are checked instead (issue 31, item 7):
 * - every object in examples/kubernetes/*.yaml validates against the Kubernetes JSON schemas of its
 *   API version (kubernetes-models, generated from Kubernetes' OpenAPI), and names no field those
 *   schemas lack (as `kubectl apply --validate=strict` would refuse it);
 * - every volume claim a pod mounts is defined; the Indexed Job's shard count equals its
 *   completions, its pods take their shard from the Job, and its arguments are lintas's;
 * - the merge is a Job that waits for the Indexed Job to end (an init container reading the Job
 *   through the API, with a service account allowed only to get Jobs), over the same folder;
 * - wait-for-job.mjs, against a stand-in API on 127.0.0.1, waits until the Job is Complete or Failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseShard } from '../../src/experiment/shards.js';

const DIR = 'examples/kubernetes';
// biome-ignore lint/suspicious/noExplicitAny: manifests are plain YAML data
type Obj = Record<string, any>;
const docs: { file: string; doc: Obj }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`${file}: ${d.errors[0]!.message}`);
      return { file, doc: d.toJS() as Obj };
    }),
  );
const find = (kind: string, name: string) => docs.find((d) => d.doc.kind === kind && d.doc.metadata?.name === name)?.doc;

// ── The schemas ─────────────────────────────────────────────────────────────────────────────
const MODULES = resolve('node_modules');
/** A model of kubernetes-models: its file (without .js or .d.ts) for an apiVersion and kind. */
const modelFile = (d: Obj) => {
  const [group, version] = String(d.apiVersion).includes('/') ? String(d.apiVersion).split('/') : ['', d.apiVersion];
  return join(MODULES, 'kubernetes-models', ...(group ? [group!] : []), version!, String(d.kind));
};
type Validating = new (d: Obj) => { validate(): void };
const model = async (d: Obj): Promise<Validating> => ((await import(pathToFileURL(`${modelFile(d)}.js`).href)) as Record<string, Validating>)[d.kind]!;

/**
 * The fields of a model's interface, from its declaration file: name → type text, and the file
 * each interface it names comes from. kubernetes-models' validators (ajv, from the OpenAPI
 * schemas) check types and values but let unknown fields through, as Kubernetes' OpenAPI does;
 * the declarations list the fields each schema has.
 */
interface Shape {
  fields: Map<string, string>;
  imports: Map<string, string>;
}
const shapes = new Map<string, Shape>();
function shapeOf(dts: string): Shape {
  if (shapes.has(dts)) return shapes.get(dts)!;
  const text = readFileSync(dts, 'utf8');
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    const spec = m[2]!.replace(/\.js$/, '');
    imports.set(m[1]!, spec.startsWith('.') ? resolve(dirname(dts), `${spec}.d.ts`) : join(MODULES, `${spec}.d.ts`));
  }
  const body = /export interface I\w+(?: extends [\w, ]+)? \{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
  const fields = new Map<string, string>();
  // Members at the interface's own indentation; a map's type runs over lines ("labels"?: {).
  for (const m of body.matchAll(/^ {4}"([^"]+)"\??: (.+?);?$/gm)) fields.set(m[1]!, m[2]!);
  const shape = { fields, imports };
  shapes.set(dts, shape);
  return shape;
}

/** Fields of `value` the schema at `dts` does not have, as paths. */
function unknownFields(value: unknown, dts: string, path: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const shape = shapeOf(dts);
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const type = shape.fields.get(key);
    if (type === undefined) {
      out.push(`${path}.${key}`);
      continue;
    }
    const named = /^(?:Array<)?(I\w+)>?$/.exec(type)?.[1];
    const file = named ? shape.imports.get(named) : undefined;
    if (!file) continue; // a scalar, a map or a union: its values are the validator's to check
    if (Array.isArray(v)) v.forEach((x, i) => out.push(...unknownFields(x, file, `${path}.${key}[${i}]`)));
    else out.push(...unknownFields(v, file, `${path}.${key}`));
  }
  return out;
}

describe('Kubernetes examples: the schemas of their API versions', () => {
  it('the examples hold the volume claims, the copy pod, the Indexed Job, and the merge Job with its account', () => {
    expect(docs.map((d) => `${d.file}: ${d.doc.kind} ${d.doc.metadata.name}`)).toEqual([
      'indexed-job.yaml: Job lintas-paper-shards',
      'merge-job.yaml: ServiceAccount lintas-merge',
      'merge-job.yaml: Role lintas-read-jobs',
      'merge-job.yaml: RoleBinding lintas-merge-reads-jobs',
      'merge-job.yaml: Job lintas-paper-merge',
      'volumes.yaml: PersistentVolumeClaim lintas-code',
      'volumes.yaml: PersistentVolumeClaim lintas-data',
      'volumes.yaml: Pod lintas-copy',
    ]);
  });

  it.each(docs.map((d) => [`${d.file}: ${d.doc.kind} ${d.doc.metadata?.name}`, d.doc] as const))('%s validates, and names only fields the schema has', async (_name, doc) => {
    expect(existsSync(`${modelFile(doc)}.d.ts`), `${doc.apiVersion} ${doc.kind}`).toBe(true);
    const Model = await model(doc);
    expect(() => new Model(doc).validate()).not.toThrow();
    expect(unknownFields(doc, `${modelFile(doc)}.d.ts`, doc.kind)).toEqual([]);
  });

  it('the checks catch a misspelt field, a wrong type and an unknown value', async () => {
    const job = structuredClone(find('Job', 'lintas-paper-shards')!);
    job.spec.completionz = 8;
    job.spec.template.spec.containers[0].volumeMount = [];
    expect(unknownFields(job, `${modelFile(job)}.d.ts`, 'Job').sort()).toEqual(['Job.spec.completionz', 'Job.spec.template.spec.containers[0].volumeMount']);
    const Job = await model(job);
    expect(() => new Job({ ...job, spec: { ...job.spec, completions: 'eight' } }).validate()).toThrow(/completions must be integer/);
    expect(() => new Job({ ...job, spec: { ...job.spec, completionMode: 'Sideways' } }).validate()).toThrow(/completionMode must be equal to one of the allowed values/);
  });
});

describe('Kubernetes examples: what lintas needs of them', () => {
  const job = find('Job', 'lintas-paper-shards')!;
  const merge = find('Job', 'lintas-paper-merge')!;
  const c = job.spec.template.spec.containers[0] as Obj;
  const count = c.env.find((e: Obj) => e.name === 'LINTAS_SHARD_COUNT').value;

  it('every volume claim a pod mounts is defined, and every volume mounted is declared', () => {
    const claims = new Set(docs.filter((d) => d.doc.kind === 'PersistentVolumeClaim').map((d) => d.doc.metadata.name));
    for (const { doc } of docs) {
      const pod = doc.kind === 'Pod' ? doc.spec : doc.kind === 'Job' ? doc.spec.template.spec : undefined;
      if (!pod) continue;
      const volumes = new Set(pod.volumes.map((v: Obj) => v.name));
      for (const v of pod.volumes) if (v.persistentVolumeClaim) expect(claims, `${doc.metadata.name}: ${v.persistentVolumeClaim.claimName}`).toContain(v.persistentVolumeClaim.claimName);
      for (const ctr of [...(pod.initContainers ?? []), ...pod.containers]) for (const m of ctr.volumeMounts ?? []) expect(volumes, `${doc.metadata.name}: ${m.name}`).toContain(m.name);
    }
    // The shards share one folder: a claim many pods mount at once.
    expect(find('PersistentVolumeClaim', 'lintas-data')!.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('the shards run as an Indexed Job with LINTAS_SHARD_COUNT equal to its completions, the pod named in the lease', () => {
    expect(job.spec.completionMode).toBe('Indexed');
    expect(Number(count)).toBe(job.spec.completions);
    expect(c.args.slice(-2)).toEqual(['--shard', 'auto']);
    for (let i = 0; i < job.spec.completions; i++) expect(parseShard('auto', { JOB_COMPLETION_INDEX: String(i), LINTAS_SHARD_COUNT: count })).toEqual({ index: i, count: job.spec.completions });
    expect(c.env.find((e: Obj) => e.name === 'POD_NAME').valueFrom.fieldRef.fieldPath).toBe('metadata.name');
  });

  it('the merge Job waits for the Indexed Job to end, allowed only to read Jobs, then merges the folder the shards write to', () => {
    const spec = merge.spec.template.spec;
    const wait = spec.initContainers[0] as Obj;
    expect(wait.command).toEqual(['node', 'examples/kubernetes/wait-for-job.mjs', job.metadata.name]);
    const m = spec.containers[0] as Obj;
    expect(m.command.slice(-2)).toEqual(['merge', c.args[c.args.indexOf('--out') + 1]]);
    expect(spec.volumes).toEqual(job.spec.template.spec.volumes);
    const binding = find('RoleBinding', 'lintas-merge-reads-jobs')!;
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: spec.serviceAccountName }]);
    expect(find('Role', binding.roleRef.name)!.rules).toEqual([{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['get'] }]);
  });
});

describe('wait-for-job.mjs', () => {
  const account = mkdtempSync(join(tmpdir(), 'lintas-k8s-'));
  afterAll(() => rmSync(account, { recursive: true, force: true }));
  writeFileSync(join(account, 'token'), 'secret-token\n');
  writeFileSync(join(account, 'namespace'), 'science\n');

  for (const ending of ['Complete', 'Failed'])
    it(`waits until the Job is ${ending}, reading it with the service account's token`, async () => {
      let polls = 0;
      const seen: string[] = [];
      const server = createServer((req, res) => {
        seen.push(`${req.url} ${req.headers.authorization}`);
        const conditions = ++polls < 3 ? [] : [{ type: ending, status: 'True' }];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: { conditions } }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const port = (server.address() as { port: number }).port;
      try {
        const r = await new Promise<{ code: number | null; out: string }>((done) => {
          const child = spawn(process.execPath, [join(DIR, 'wait-for-job.mjs'), 'lintas-paper-shards'], {
            env: { ...process.env, KUBERNETES_API: `http://127.0.0.1:${port}`, LINTAS_WAIT_SECONDS: '0.05', LINTAS_SERVICE_ACCOUNT: account },
          });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.on('close', (code) => done({ code, out }));
        });
        expect(r.code).toBe(0);
        expect(r.out).toBe(`job lintas-paper-shards: ${ending}\n`);
        expect(polls).toBe(3);
        expect(seen[0]).toBe('/apis/batch/v1/namespaces/science/jobs/lintas-paper-shards Bearer secret-token');
      } finally {
        server.close();
      }
    });
});
