/**
 * Device estimate from the command line (the same numbers as the device panel):
 *
 *   npm run estimate -- <model.json|spec.json> [--target <id> | --all] [--dtype int8|fp32|fp16|int4]
 *                       [--storage dense|bitmask|csr] [--sparsity 0.8] [--json]
 *
 * Accepts a ModelSpec JSON or a tfjs Layers model.json. Prints a table (or JSON with --json).
 * Any error (unknown target, unreadable file, unsupported layer) is one line on stderr and exit 1.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TARGETS, estimate, estimateAll, formatBytes, formatCount, formatMs, getTarget, type DType, type Deployment, type Estimate, type StorageFormat } from '../src/core/devices/index.ts';
import { parseModelFile } from '../src/core/model/from-tfjs.ts';
import { isWeighted } from '../src/core/model/spec.ts';

const USAGE = 'usage: npm run estimate -- <model.json|spec.json> [--target <id>|--all] [--dtype int8|fp32|fp16|int4] [--storage dense|bitmask|csr] [--sparsity 0..1] [--json]';
const DTYPES: DType[] = ['fp32', 'fp16', 'int8', 'int4'];
const STORAGES: StorageFormat[] = ['dense', 'bitmask', 'csr'];

class UsageError extends Error {}

interface Args {
  file: string;
  target: string | 'all';
  dtype: DType;
  storage: StorageFormat;
  sparsity: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { file: '', target: 'mcxn947', dtype: 'int8', storage: 'dense', sparsity: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${k} needs a value`);
      return v;
    };
    if (k === '--json') a.json = true;
    else if (k === '--all') a.target = 'all';
    else if (k === '--target') a.target = val();
    else if (k === '--dtype') {
      const d = val() as DType;
      if (!DTYPES.includes(d)) throw new UsageError(`unknown dtype "${d}" (use ${DTYPES.join(', ')})`);
      a.dtype = d;
    } else if (k === '--storage') {
      const s = val() as StorageFormat;
      if (!STORAGES.includes(s)) throw new UsageError(`unknown storage "${s}" (use ${STORAGES.join(', ')})`);
      a.storage = s;
    } else if (k === '--sparsity') {
      a.sparsity = Number(val());
      if (!(a.sparsity >= 0 && a.sparsity < 1)) throw new UsageError('--sparsity must be in [0, 1)');
    } else if (k === '--help' || k === '-h') throw new UsageError('');
    else if (k.startsWith('--')) throw new UsageError(`unknown option ${k}`);
    else if (!a.file) a.file = k;
    else throw new UsageError(`unexpected argument "${k}"`);
  }
  if (!a.file) throw new UsageError('no model file given');
  if (a.target !== 'all') getTarget(a.target); // unknown target: error naming the known ones
  return a;
}

function table(rows: string[][]): string {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join('  ')).join('\n');
}

const engineText = (e: Estimate['cpu'] | undefined) => (!e ? '—' : e.available ? `${formatMs(e.ms)} (${formatMs(e.low)}–${formatMs(e.high)})` : 'n/a');

function main(): number {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`estimate: error: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const spec = parseModelFile(text, basename(args.file));
  const sparsity = args.sparsity > 0 ? Object.fromEntries(spec.layers.filter(isWeighted).map((l) => [l.name, args.sparsity])) : undefined;
  const dep: Deployment = { dtype: args.dtype, storage: args.storage, ...(sparsity ? { sparsity } : {}) };
  const ests = args.target === 'all' ? estimateAll(spec, dep) : [estimate(spec, dep, args.target)];
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ model: spec.name, deployment: dep, estimates: ests }, null, 2)}\n`);
    return 0;
  }
  const e0 = ests[0];
  process.stdout.write(`${spec.name}: ${formatCount(e0.params)} parameters, ${formatCount(e0.macs)} MACs, ${args.dtype}, ${args.storage}${args.sparsity ? `, ${(args.sparsity * 100).toFixed(0)} % sparse` : ''}\n`);
  process.stdout.write(`download (gzip-equivalent): ${formatBytes(e0.downloadBytes)}\n\n`);
  const rows = [['target', 'flash', 'of', 'RAM', 'of', 'CPU latency', 'NPU latency', 'fits']];
  for (const e of ests) {
    rows.push([e.targetId, formatBytes(e.flash.total), formatBytes(e.flash.capacity), formatBytes(e.ram.total), formatBytes(e.ram.capacity), engineText(e.cpu), engineText(e.npu), e.fits ? 'yes' : 'no']);
  }
  process.stdout.write(`${table(rows)}\n`);
  const notes = ests.flatMap((e) => (e.npu && !e.npu.available ? [`${e.targetId} NPU: ${e.npu.reason}`] : e.npu?.fallbackOps.length ? [`${e.targetId} NPU: CPU fallback for ${e.npu.fallbackOps.join(', ')}`] : []));
  if (notes.length) process.stdout.write(`\n${[...new Set(notes)].join('\n')}\n`);
  if (args.target === 'all') process.stdout.write(`\ntargets: ${TARGETS.map((t) => t.id).join(', ')}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`estimate: error: ${(e as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
