import { describe, expect, it } from 'vitest';
import { estimate } from '../devices';
import { zooSpec } from '../model/zoo/mnist';
import { describeChallenge, evaluateChallenge, formatChallengeLink, parseChallengeLink } from '.';

describe('challenge links', () => {
  it('parses, defaults and round-trips', () => {
    const c = parseChallengeLink('target:mcxn947,model:lenet5,flash:150,lat:15,engine:cpu,acc:97');
    expect(c).toEqual({ target: 'mcxn947', dtype: 'int8', model: 'lenet5', flashKB: 150, latencyMs: 15, engine: 'cpu', accuracyPct: 97 });
    expect(parseChallengeLink(formatChallengeLink(c!))).toEqual(c);
    expect(formatChallengeLink(parseChallengeLink('acc:90,target:rt1060,dtype:fp32')!)).toBe('target:rt1060,dtype:fp32,acc:90');
    expect(describeChallenge(c!, 'LeNet-5')).toBe('LeNet-5 under 150 KB flash and 15 ms on the CPU on MCX N947 (int8) with ≥ 97 % test accuracy');
  });

  it('rejects unknown targets, keys, values and goal-less links', () => {
    for (const bad of [
      '',
      'target:nope,acc:90',
      'target:mcxn947',
      'target:mcxn947,acc:101',
      'target:mcxn947,flash:-1',
      'target:mcxn947,flash:abc',
      'target:mcxn947,dtype:int4,acc:90',
      'target:mcxn947,colour:red',
      'target:mcxn947,model:<b>,acc:90',
      'acc:90',
    ]) {
      expect(parseChallengeLink(bad), bad).toBeUndefined();
    }
  });
});

describe('evaluateChallenge', () => {
  const lenet = zooSpec('lenet5');
  const mlp = zooSpec('mlp');

  it('passes a model that meets every limit and reports the estimator numbers', () => {
    const e = estimate(lenet, { dtype: 'int8' }, 'mcxn947');
    // Limits just above the estimate pass; the scorecard shows the estimator's own numbers.
    const c = parseChallengeLink(`target:mcxn947,flash:${Math.ceil(e.flash.total / 1024)},lat:${Math.ceil(e.cpu.ms)},engine:cpu,acc:95`)!;
    const r = evaluateChallenge(c, { spec: lenet, testAccuracy: 0.962 });
    expect(r.passed).toBe(true);
    expect(r.lines.map((l) => l.what)).toEqual(['Fits the part', 'Flash with runtime', 'Latency (CPU)', 'Test accuracy']);
    expect(r.estimate.flash.total).toBe(e.flash.total);
    expect(r.lines[3].actual).toBe('96.2 %');
  });

  it('fails on each limit separately, just below the estimate', () => {
    const e = estimate(mlp, { dtype: 'int8' }, 'mcxn947');
    const flashKB = Math.floor(e.flash.total / 1024) - 1;
    const byFlash = evaluateChallenge(parseChallengeLink(`target:mcxn947,flash:${flashKB}`)!, { spec: mlp, testAccuracy: 0.97 });
    expect(byFlash.passed).toBe(false);
    expect(byFlash.lines.find((l) => l.what.startsWith('Flash'))?.passed).toBe(false);
    const byAcc = evaluateChallenge(parseChallengeLink('target:mcxn947,acc:98')!, { spec: mlp, testAccuracy: 0.97 });
    expect(byAcc.passed).toBe(false);
    const untrained = evaluateChallenge(parseChallengeLink('target:mcxn947,acc:10')!, { spec: mlp, testAccuracy: null });
    expect(untrained.passed).toBe(false);
    expect(untrained.lines.at(-1)?.actual).toMatch(/not measured/);
    const wrongModel = evaluateChallenge(parseChallengeLink('target:mcxn947,model:lenet5,acc:90')!, { spec: mlp, testAccuracy: 0.97 });
    expect(wrongModel.passed).toBe(false);
  });

  it('needs the NPU for an NPU goal, and int8 for the NPU', () => {
    const npuInt8 = evaluateChallenge(parseChallengeLink('target:mcxn947,lat:5,engine:npu')!, { spec: lenet, testAccuracy: 0.96 });
    expect(npuInt8.passed).toBe(true);
    const npuFp32 = evaluateChallenge(parseChallengeLink('target:mcxn947,dtype:fp32,lat:5,engine:npu')!, { spec: lenet, testAccuracy: 0.96 });
    expect(npuFp32.passed).toBe(false);
    const noNpu = evaluateChallenge(parseChallengeLink('target:rt1060,lat:100,engine:npu')!, { spec: lenet, testAccuracy: 0.96 });
    expect(noNpu.passed).toBe(false);
  });

  it('fails a model that does not fit the part even with no size limit', () => {
    // 784 x 4096 fp32 weights are about 12.3 MB: far over the MCX N947's 2 MB of flash.
    const huge = { ...mlp, id: 'huge', layers: mlp.layers.map((l) => (l.name === 'fc1' ? { ...l, units: 4096 } : l)) } as typeof mlp;
    const r = evaluateChallenge(parseChallengeLink('target:mcxn947,dtype:fp32,acc:50')!, { spec: huge, testAccuracy: 0.97 });
    expect(r.lines[0]).toMatchObject({ what: 'Fits the part', passed: false });
    expect(r.lines[0].actual).toMatch(/flash/);
    expect(r.passed).toBe(false);
    // The same model fits an i.MX 93 (Linux, DDR and eMMC).
    expect(evaluateChallenge(parseChallengeLink('target:imx93,dtype:fp32,acc:50')!, { spec: huge, testAccuracy: 0.97 }).passed).toBe(true);
  });

  it("scores the student's model as it is stored: a pruned model in bitmask storage can pass where the dense one fails", () => {
    const dense = estimate(mlp, { dtype: 'int8' }, 'mcxn947');
    // A flash limit 20 KB under the dense model: 90 % zeros stored as a bitmask save far more than that.
    const c = parseChallengeLink(`target:mcxn947,flash:${Math.floor(dense.flash.total / 1024) - 20},acc:80`)!;
    const sparsity = { fc1: 0.9, fc2: 0.9, logits: 0.9 };
    expect(evaluateChallenge(c, { spec: mlp, testAccuracy: 0.85 }).passed).toBe(false);
    const pruned = evaluateChallenge(c, { spec: mlp, testAccuracy: 0.85, deployment: { sparsity, storage: 'bitmask' } });
    expect(pruned.passed).toBe(true);
    expect(pruned.estimate.flash.total).toBe(estimate(mlp, { dtype: 'int8', sparsity, storage: 'bitmask' }, 'mcxn947').flash.total);
    // The challenge's dtype wins over the model's own.
    expect(evaluateChallenge(parseChallengeLink('target:mcxn947,dtype:fp32,acc:10')!, { spec: mlp, testAccuracy: 0.85, deployment: {} }).estimate.flash.weights).toBe(estimate(mlp, { dtype: 'fp32' }, 'mcxn947').flash.weights);
  });

  it('compares accuracy at the shown precision', () => {
    const c = parseChallengeLink('target:mcxn947,acc:95')!;
    expect(evaluateChallenge(c, { spec: lenet, testAccuracy: 0.94996 }).passed).toBe(true); // shown as 95.0 %
    expect(evaluateChallenge(c, { spec: lenet, testAccuracy: 0.9494 }).passed).toBe(false); // shown as 94.9 %
  });
});
