/** The diagnostics bar's "WebGPU" readout: whether tfjs could use a GPU here, and why not (store/backend-probe.ts). */
import { useEffect } from 'react';
import { describeWebGpu, startWebGpuProbe, useWebGpuProbe, WHY_NOT } from '../store/backend-probe';

export function WebGpuStatus() {
  const probe = useWebGpuProbe((s) => s.probe);
  useEffect(() => startWebGpuProbe(), []);
  const text = describeWebGpu(probe);
  const why = probe.state === 'unavailable' ? (WHY_NOT[probe.reason] ?? probe.reason) : text;
  return (
    <div className="diag">
      <span className="diag-label" aria-hidden="true">WebGPU</span>
      <output aria-label="WebGPU" role="status" title={why}>
        {text}
      </output>
    </div>
  );
}
