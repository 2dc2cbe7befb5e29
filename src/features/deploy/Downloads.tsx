/** The four downloads of an export, as links to object URLs of the bytes the worker wrote. */
import { useEffect, useMemo } from 'react';
import type { DeployResult } from '../../worker/protocol/deploy';

function useObjectUrl(bytes: Uint8Array, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes as BlobPart], { type })), [bytes, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function Downloads({ r }: { r: DeployResult }) {
  const base = r.spec.id.replace(/[^a-z0-9-]+/gi, '-');
  const links = [
    { name: 'Download .tflite', file: `${base}_int8.tflite`, url: useObjectUrl(r.tflite, 'application/octet-stream'), size: r.tflite.length, what: 'int8 input and output, for TFLM on an MCU' },
    { name: 'Download C array', file: `${base}_model_data.zip`, url: useObjectUrl(r.cArrayZip, 'application/zip'), size: r.cArrayZip.length, what: 'model_data.h / model_data.cc' },
    { name: 'Download TFLM project', file: `${base}_tflm.zip`, url: useObjectUrl(r.projectZip, 'application/zip'), size: r.projectZip.length, what: 'main.cc, model files, test vectors, README' },
    { name: 'Download test vectors', file: `${base}_test_vectors.bin`, url: useObjectUrl(r.testVectorsBin, 'application/octet-stream'), size: r.testVectorsBin.length, what: `${r.testVectorCount} digits, labels and expected int8 outputs` },
  ];
  const floatUrl = useObjectUrl(r.floatTflite, 'application/octet-stream');
  return (
    <section className="panel" aria-labelledby="dp-downloads">
      <h2 id="dp-downloads">Downloads</h2>
      <ul className="dp-downloads">
        {links.map((l) => (
          <li key={l.name}>
            <a className="button" href={l.url} download={l.file}>
              {l.name}
            </a>{' '}
            <span className="dp-muted">
              {l.file} · {kb(l.size)} · {l.what}
            </span>
          </li>
        ))}
        <li>
          <a href={floatUrl} download={`${base}_int8_float_io.tflite`}>
            Float-interface twin (.tflite)
          </a>{' '}
          <span className="dp-muted">{kb(r.floatTflite.length)} · float32 in/out with QUANTIZE / DEQUANTIZE, for LiteRT on i.MX (what LiteRT.js ran)</span>
        </li>
      </ul>
    </section>
  );
}
