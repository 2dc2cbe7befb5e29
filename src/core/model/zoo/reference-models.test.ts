/**
 * The reference networks have their published sizes. Parameters "after folding" are what the device
 * stores (batch norm folded into the conv); training parameters count BN's four vectors.
 */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../devices';
import { cifarNet, microSpeech, mobilenetV1, mobilenetV2, personDetect } from './reference-models';

const within = (x: number, ref: number, tol: number) => expect(Math.abs(x / ref - 1)).toBeLessThan(tol);

describe('reference model specs', () => {
  it('MobileNetV1 1.0/224: 4.2 M parameters after folding, 569 M MACs (Howard et al. 2017), Keras 4,253,864 for training', () => {
    const e = estimate(mobilenetV1(1, 224, 1000), { dtype: 'int8' }, 'imx8mp');
    within(e.params, 4.2e6, 0.01);
    within(e.macs, 569e6, 0.01);
    within(e.trainingParams, 4_253_864, 0.001);
    // Folding removes three of BN's four vectors per channel (γ, β, mean, variance → one bias).
    expect(e.trainingParams - e.params).toBe(3 * 10_944);
  });
  it('MobileNetV1 0.25/128 (1001 classes): 0.47 M parameters and 14 M MACs (TF-slim table), 468 K in the eIQ model zoo', () => {
    const e = estimate(mobilenetV1(0.25, 128, 1001), { dtype: 'int8' }, 'imx8mp');
    within(e.params, 468e3, 0.01);
    within(e.macs, 14e6, 0.04);
  });
  it('MobileNetV2 1.0/224: 300 M MACs and 3.49 M parameters after folding (Keras 3,538,984 with BN)', () => {
    const e = estimate(mobilenetV2(), { dtype: 'int8' }, 'imx95');
    within(e.macs, 300.8e6, 0.01);
    // Keras total minus three BN vectors per channel (17,056 BN channels).
    within(e.params, 3_538_984 - 3 * 17_056, 0.01);
  });
  it('TFLM person_detect is MobileNetV1 0.25 on 96x96 grey: ~7.2 M MACs, ~0.21 M parameters', () => {
    const e = estimate(personDetect(), { dtype: 'int8' }, 'mcxn947');
    within(e.macs, 7.16e6, 0.01);
    expect(e.params).toBeGreaterThan(200e3);
    expect(e.params).toBeLessThan(220e3);
  });
  it('micro_speech tiny_conv and the SDK CifarNet have the sizes their sources give (18.8 KB / 91 KB int8 files)', () => {
    const ms = estimate(microSpeech(), { dtype: 'int8' }, 'mcxn947');
    expect(ms.flash.model).toBeGreaterThan(17e3);
    expect(ms.flash.model).toBeLessThan(24e3);
    const cn = estimate(cifarNet(), { dtype: 'int8' }, 'mcxn947');
    expect(cn.flash.model / 1024).toBeGreaterThan(88);
    expect(cn.flash.model / 1024).toBeLessThan(100);
  });
});
