/** The hint for versions an MNIST lab does not list because they are models of another task (pure). */
import { notMnistReason, runsOnMnist } from '../../core/shelf/types';

export function notListedNote(versions: { name: string; task?: Parameters<typeof runsOnMnist>[0]['task']; spec: { inputShape: number[] } }[]): string | null {
  const other = versions.filter((v) => !runsOnMnist(v));
  if (other.length === 0) return null;
  const first = other[0];
  const more = other.length > 1 ? ` and ${other.length - 1} more` : '';
  return `Not listed: “${first.name}”${more} (${notMnistReason(first)}).`;
}
