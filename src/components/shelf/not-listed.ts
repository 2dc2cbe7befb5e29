/** The hint for versions an MNIST lab does not list because they are models of another task (pure). */
import { notMnistReason, runsOnMnist } from '../../core/shelf/types';

/** tsPanel: the page has a "Time-series version" panel for them (Quantization, Pruning), so say where. */
export function notListedNote(versions: { name: string; task?: Parameters<typeof runsOnMnist>[0]['task']; spec: { inputShape: number[] } }[], tsPanel = false): string | null {
  const other = versions.filter((v) => !runsOnMnist(v));
  if (other.length === 0) return null;
  const first = other[0];
  const more = other.length > 1 ? ` and ${other.length - 1} more` : '';
  const where = tsPanel && other.some((v) => v.task?.domain === 'time-series') ? ' Time-series versions are under “Time-series version” below.' : '';
  return `Not listed: “${first.name}”${more} (${notMnistReason(first)}).${where}`;
}
