/** The NXP portfolio as the device catalog knows it, grouped by family, with each part's compute engines. */
import { TARGETS, formatBytes } from '../../core/devices';
import { FACT_SHEETS, PART_ENGINES } from './engines';

const FAMILIES = [
  { family: 'MCX N', title: 'MCX microcontrollers' },
  { family: 'i.MX RT', title: 'i.MX RT crossover MCUs' },
  { family: 'i.MX', title: 'i.MX application processors' },
] as const;

export function Portfolio() {
  return (
    <div className="nxp-portfolio">
      {FAMILIES.map(({ family, title }) => (
        <section key={family} className="nxp-family" aria-label={title}>
          <h3>{title}</h3>
          <ul>
            {TARGETS.filter((t) => t.family === family).map((t) => {
              const e = PART_ENGINES[t.id];
              return (
                <li key={t.id} className="nxp-part">
                  <h4>{t.name}</h4>
                  <p className="nxp-pos">{e?.positioning}</p>
                  <dl>
                    <dt>CPU</dt>
                    <dd>{e?.cpu ?? t.cpu.name}</dd>
                    <dt>NPU</dt>
                    <dd>{t.npu ? t.npu.name : 'none'}</dd>
                    {e?.gpu && (
                      <>
                        <dt>GPU</dt>
                        <dd>{e.gpu}</dd>
                      </>
                    )}
                    {e?.dsp && (
                      <>
                        <dt>DSP</dt>
                        <dd>{e.dsp}</dd>
                      </>
                    )}
                    <dt>Memory</dt>
                    <dd>
                      {formatBytes(t.ram.value)} {t.ram.kind}, {formatBytes(t.flash.value)} {t.flash.kind}
                    </dd>
                    <dt>Runs</dt>
                    <dd>{t.system === 'mcu' ? 'bare metal / RTOS: TFLM' : 'Linux: LiteRT, ONNX Runtime'}</dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p className="nxp-source">
        CPU, NPU, memory: the device catalog (its sources are on the Devices page). GPU, DSP and positioning: {FACT_SHEETS}.
      </p>
    </div>
  );
}
