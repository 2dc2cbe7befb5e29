/**
 * The course glossary: one entry per term the guides link with [[term]] (see
 * src/components/glossary). Definitions are short and self-contained; where a term comes from a
 * specific paper or document, `source` names it.
 */

export interface GlossaryEntry {
  term: string;
  /** Other spellings a guide may link, e.g. "MACs". Matching ignores case. */
  aliases?: string[];
  definition: string;
  source?: string;
}

export const GLOSSARY: GlossaryEntry[] = [
  { term: 'MAC', aliases: ['MACs', 'multiply-accumulate'], definition: 'Multiply-accumulate: a ← a + w·x, the basic operation of dense and convolution layers. A dense layer with n inputs and m outputs costs n·m MACs per inference; latency on a CPU roughly follows the MAC count.' },
  { term: 'parameter', aliases: ['parameters', 'weights', 'weight'], definition: 'A learned number of the model: kernel weights and biases. The parameter count times the bytes per parameter is most of the model file.' },
  { term: 'arena', aliases: ['tensor arena'], definition: 'The one block of RAM that TensorFlow Lite Micro plans all intermediate tensors into (plus interpreter bookkeeping). Its size is set at compile time; the peak of live activations decides it.', source: 'TensorFlow Lite Micro documentation' },
  { term: 'XIP', aliases: ['execute in place'], definition: 'Execute in place: code and constant data (such as model weights) are read straight from flash while the program runs, instead of being copied to RAM first. It is why an MCU model’s weights cost flash, not RAM.' },
  { term: 'flash', definition: 'Non-volatile memory of a microcontroller. It holds the program, the runtime and the model’s weights; typically hundreds of KB to a few MB on an MCU.' },
  { term: 'SRAM', aliases: ['RAM'], definition: 'The microcontroller’s working memory: fast, volatile and small (tens of KB to a few MB). Activations, the tensor arena and the stack live here.' },
  { term: 'LSB', definition: 'Least significant bit: the value of one integer step. In quantization it is the scale s, so rounding to the nearest step makes an error of at most s/2.' },
  { term: 'scale', aliases: ['quantization scale'], definition: 'The real value of one integer step in affine quantization: r = s·(q − z). For int8 with range [min, max], s = (max − min) / 255.' },
  { term: 'zero point', aliases: ['zero points'], definition: 'The integer z that represents the real value 0 exactly in affine quantization r = s·(q − z), so zero padding and ReLU’s zero are exact. Symmetric quantization fixes z = 0 (TFLite does this for int8 weights).', source: 'Jacob et al., 2018' },
  { term: 'quantization', definition: 'Storing and computing with fewer bits per number, e.g. int8 instead of float32: four times smaller weights and integer arithmetic, at the cost of rounding error.' },
  { term: 'PTQ', aliases: ['post-training quantization'], definition: 'Post-training quantization: quantize a trained float model without training it again, using a small calibration set to choose the activation ranges.' },
  { term: 'QAT', aliases: ['quantization-aware training'], definition: 'Quantization-aware training: fine-tune the model with simulated (“fake”) quantization in the forward pass so the weights adapt to the rounding; gradients pass through the rounding with the STE.', source: 'Jacob et al., 2018' },
  { term: 'STE', aliases: ['straight-through estimator'], definition: 'Straight-through estimator: rounding has zero gradient almost everywhere, so backprop treats it as the identity (gradient 1, usually clipped outside the range). It lets QAT train through quantizers.', source: 'Bengio, Léonard & Courville, 2013' },
  { term: 'calibration', definition: 'Running a few hundred representative inputs through the float model to record each activation’s range (min/max or a percentile), from which PTQ sets the scales and zero points.' },
  { term: 'per-channel', aliases: ['per-channel quantization'], definition: 'One scale per output channel of a weight tensor instead of one per tensor, so a channel with small weights is not rounded with a large channel’s step. TFLite int8 uses it for convolution weights.' },
  { term: 'requantization', definition: 'Rescaling an int32 accumulator back to int8 for the next layer: multiply by s_in·s_w / s_out (a fixed-point multiplier and shift in integer-only inference) and add the output zero point.' },
  { term: 'sparsity', definition: 'The fraction of weights that are exactly zero. 80 % sparsity keeps one weight in five.' },
  { term: 'unstructured pruning', definition: 'Zeroing individual weights anywhere in a tensor. It keeps accuracy best at a given sparsity, but the tensor keeps its shape: without a sparse storage format or sparse kernels it saves neither flash nor time.' },
  { term: 'structured pruning', definition: 'Removing whole neurons, filters or channels, so the layer becomes smaller and dense. Every engine runs it faster and it needs less memory, but it costs more accuracy per weight removed.' },
  { term: 'fine-tuning', definition: 'A few more epochs of training after a change (pruning, quantization), usually at a small learning rate, so the remaining weights make up for what was removed.' },
  { term: 'Taylor criterion', aliases: ['Taylor'], definition: 'A pruning score that estimates the loss change from removing a weight or unit by the first-order Taylor term |g·w| (gradient times weight).', source: 'Molchanov et al., 2017' },
  { term: 'CSR', definition: 'Compressed sparse row: a sparse matrix stored as its nonzero values, their column indices and one offset per row. It only saves memory above a break-even sparsity, since each value carries an index.' },
  { term: 'epoch', aliases: ['epochs'], definition: 'One pass over all training examples (8,000 digits here).' },
  { term: 'learning rate', definition: 'The step size η of the optimizer: θ ← θ − η·∇L for SGD. Too large and the loss diverges; too small and training crawls.' },
  { term: 'logits', aliases: ['logit'], definition: 'The raw scores a classifier outputs before the softmax.' },
  { term: 'softmax', definition: 'Turns logits z into probabilities p_k = exp(z_k / T) / Σ_j exp(z_j / T); T = 1 normally, T > 1 softens them for distillation.' },
  { term: 'cross-entropy', definition: 'The classification loss −log p_y, the negative log-probability of the true class. ln 10 ≈ 2.30 for a uniform guess over ten classes.' },
  { term: 'overfitting', definition: 'Training loss keeps falling while test loss rises: the model memorises the training set instead of generalising.' },
  { term: 'knowledge distillation', aliases: ['distillation'], definition: 'Training a small student to match a large teacher’s softened output probabilities as well as the labels.', source: 'Hinton, Vinyals & Dean, 2015' },
  { term: 'temperature', definition: 'The T that divides the logits in a distillation softmax. Higher T spreads probability over the wrong classes and exposes the teacher’s “dark knowledge”; the soft loss is scaled by T² to keep its gradients comparable.', source: 'Hinton, Vinyals & Dean, 2015' },
  { term: 'soft targets', definition: 'The teacher’s class probabilities at temperature T, used as training targets for the student in distillation.' },
  { term: 'NAS', aliases: ['neural architecture search'], definition: 'Neural architecture search: choosing a network’s layers and sizes automatically, by a search strategy over a search space, ranked by an estimate of accuracy and device cost.', source: 'Elsken, Metzen & Hutter, 2019' },
  { term: 'search space', definition: 'The set of architectures a NAS can choose from, e.g. number of blocks, filters and kernel sizes per block.' },
  { term: 'proxy', aliases: ['proxies'], definition: 'A cheap stand-in for a model’s final accuracy in NAS, such as accuracy after one short epoch. It is useful only as far as it ranks candidates in the same order as full training.' },
  { term: 'Pareto front', definition: 'The candidates no other candidate beats on every objective at once (e.g. higher accuracy and smaller flash). Moving along it trades one objective for another.' },
  { term: 'NPU', definition: 'Neural processing unit: an accelerator for the MACs of neural-network layers, typically for int8 only. Operators it does not support fall back to the CPU.' },
  { term: 'eIQ Neutron', aliases: ['Neutron'], definition: 'NXP’s NPU: Neutron N1-16 in MCX N947 (16 MACs per cycle), N3-64 in i.MX RT700, and a larger one in i.MX 95. The eIQ converter maps supported int8 operators onto it; the rest run on the CPU.', source: 'NXP MCX N947 and i.MX RT700 data sheets' },
  { term: 'TFLM', aliases: ['TensorFlow Lite Micro', 'LiteRT for Microcontrollers'], definition: 'TensorFlow Lite Micro: the interpreter for .tflite models on microcontrollers. No dynamic allocation: everything lives in the tensor arena.', source: 'David et al., 2021' },
  { term: 'latency', definition: 'Time for one inference, from input to output. On an MCU CPU it grows with MACs; memory traffic and operator overheads matter too.' },
];

const INDEX = new Map<string, GlossaryEntry>();
for (const e of GLOSSARY) for (const name of [e.term, ...(e.aliases ?? [])]) INDEX.set(name.toLowerCase(), e);

/** Finds a term by name or alias, ignoring case; undefined when the glossary lacks it. */
export function lookupTerm(name: string): GlossaryEntry | undefined {
  return INDEX.get(name.trim().toLowerCase());
}
