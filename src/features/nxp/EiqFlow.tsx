/**
 * The eIQ AI software flow as a diagram: each box is a link to the lab page that teaches that step,
 * so the toolkit's stages and the course's labs read as one map.
 */
interface Box {
  title: string;
  text: string;
  href: string;
}

interface Stage {
  title: string;
  boxes: Box[];
}

const STAGES: Stage[] = [
  {
    title: '1. Bring your own',
    boxes: [
      { title: 'Your data', text: 'Images, audio, sensor logs', href: '#/train' },
      { title: 'Your model', text: 'A trained TensorFlow / ONNX model', href: '#/devices' },
    ],
  },
  {
    title: '2. Build and optimise',
    boxes: [
      { title: 'eIQ Toolkit: train', text: 'Train or fine-tune', href: '#/train' },
      { title: 'Prune', text: 'Remove weights and filters', href: '#/pruning' },
      { title: 'Quantize', text: 'int8 weights and activations', href: '#/quantization' },
      { title: 'Distil', text: 'A small student from a big teacher', href: '#/distillation' },
      { title: 'Search', text: 'Architectures under a budget', href: '#/nas' },
      { title: 'eIQ Time Series Studio', text: 'Classification, anomaly detection, regression on sensors', href: '#/time-series' },
      { title: 'eIQ GenAI Flow', text: 'Small language models, RAG, on i.MX', href: '#/genai' },
    ],
  },
  {
    title: '3. Convert',
    boxes: [{ title: 'eIQ Neutron converter', text: '.tflite → NPU graph (Vela for Ethos-U)', href: '#/deploy' }],
  },
  {
    title: '4. Run',
    boxes: [
      { title: 'TFLM on MCUs', text: 'MCX N, i.MX RT: C array + tensor arena', href: '#/deploy' },
      { title: 'LiteRT / ONNX Runtime on i.MX', text: 'Linux, with the NPU delegate', href: '#/devices' },
    ],
  },
];

export function EiqFlow() {
  return (
    <nav className="nxp-flow" aria-label="eIQ toolkit flow">
      <ol>
        {STAGES.map((s) => (
          <li key={s.title} className="nxp-stage">
            <h3>{s.title}</h3>
            <ul>
              {s.boxes.map((b) => (
                <li key={b.title}>
                  <a href={b.href} className="nxp-box">
                    <strong>{b.title}</strong>
                    <span>{b.text}</span>
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}
