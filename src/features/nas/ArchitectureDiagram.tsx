/** A candidate as a block diagram: input → blocks (with their output shapes) → head → logits. */
import { analyzeSpec } from '../../core/model/analyze';
import { decode, type Genotype } from '../../core/techniques/nas/space';

export function ArchitectureDiagram({ genotype }: { genotype: Genotype }) {
  const spec = decode(genotype);
  const info = analyzeSpec(spec);
  const shapeOf = (name: string) => info.layers.find((l) => l.name === name)?.outputShape.join('×') ?? '';
  const lastOfBlock = (i: number) => {
    const p = `b${i + 1}_`;
    const names = spec.layers.filter((l) => l.name.startsWith(p)).map((l) => l.name);
    return names[names.length - 1];
  };
  return (
    <ol className="nas-diagram" aria-label="Architecture">
      <li className="nas-node nas-node-io">
        <strong>input</strong>
        <span>28×28×1</span>
      </li>
      {genotype.blocks.map((b, i) => (
        <li key={i} className={`nas-node nas-node-${b.kind}`}>
          <strong>
            {b.kind === 'conv' ? 'conv' : 'dw-sep'} {b.kernel}×{b.kernel}
          </strong>
          <span>{b.width} ch{b.down === 'stride2' ? ', stride 2' : b.down === 'maxpool' ? ', max-pool' : ''}</span>
          <span className="nas-shape">→ {shapeOf(lastOfBlock(i))}</span>
        </li>
      ))}
      <li className="nas-node nas-node-head">
        <strong>{genotype.pool === 'gap' ? 'global avg pool' : 'flatten'}</strong>
        <span className="nas-shape">→ {shapeOf(genotype.pool === 'gap' ? 'gap' : 'flatten')}</span>
      </li>
      {genotype.head > 0 && (
        <li className="nas-node nas-node-head">
          <strong>dense {genotype.head}</strong>
          <span>ReLU</span>
        </li>
      )}
      <li className="nas-node nas-node-io">
        <strong>logits</strong>
        <span>10</span>
      </li>
    </ol>
  );
}
