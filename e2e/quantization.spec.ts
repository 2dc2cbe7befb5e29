import AxeBuilder from '@axe-core/playwright';
import { testWithBaseline as test, expect, gotoLab, percentOf, type Page } from './fixtures';

const dbOf = (t: string | null) => Number(/(-?\d+(?:\.\d+)?)\s*dB/.exec(t ?? '')?.[1] ?? NaN);
const INT8 = 'qWeightBits=8&qActivationBits=8&qScheme=asymmetric&qGranularity=per-channel&qCalibration=minmax&qCalibrationSamples=200';
const INT2 = INT8.replace('qWeightBits=8&qActivationBits=8', 'qWeightBits=2&qActivationBits=2');

async function openQuantization(page: Page, query = INT8) {
  await gotoLab(page, 'quantization', query);
  const ptq = page.getByRole('button', { name: 'Quantize (PTQ)', exact: true });
  await expect(ptq).toBeEnabled({ timeout: 60_000 });
  const results = page.getByRole('region', { name: 'Quantization results' });
  const out = (name: string) => results.getByRole('status', { name });
  await expect(out('Float accuracy')).toHaveText(/\d+\.\d\d %/);
  return { ptq, results, out, float: percentOf(await out('Float accuracy').textContent()) };
}

test('int8 PTQ: float, fake-quant and integer-only accuracies agree, and single rounding matches exactly', async ({ page }) => {
  const { ptq, results, out, float } = await openQuantization(page);
  for (const label of ['Weight bits', 'Activation bits', 'Scheme', 'Granularity', 'Calibration', 'QAT epochs']) {
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Train with QAT', exact: true })).toBeVisible();
  expect(float).toBeGreaterThan(80);

  await ptq.click();
  await expect(out('Integer-only accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  const q8 = percentOf(await out('Quantized accuracy').textContent());
  const int8 = percentOf(await out('Integer-only accuracy').textContent());
  expect(Math.abs(q8 - float)).toBeLessThan(1.5);
  expect(Math.abs(int8 - q8)).toBeLessThanOrEqual(0.5);
  await expect(out('Model size')).toHaveText(/\d+\.\d KB/);
  expect(dbOf(await out('SQNR').textContent())).toBeGreaterThan(30);
  await expect(results.getByRole('table', { name: /Integer representation per layer/ })).toBeVisible();

  // Single-rounding requantization: the integer-only logits equal the fake-quant ones.
  await page.getByLabel('Requantization rounding').selectOption('single');
  await ptq.click();
  await expect(results.getByText(/single rounding$/)).toBeVisible({ timeout: 120_000 });
  await expect(results.getByText(/logits: (99\.9\d|100\.00) % identical/)).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('.quant-page').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('2-bit PTQ falls apart; one epoch of QAT wins accuracy back, and the results switch between PTQ and QAT', async ({ page }) => {
  const { ptq, results, out, float } = await openQuantization(page, INT2);
  await ptq.click();
  await expect.poll(async () => percentOf(await out('Quantized accuracy').textContent()), { timeout: 120_000 }).toBeLessThan(float - 10);
  expect(dbOf(await out('SQNR').textContent())).toBeLessThan(15);

  const ptq2 = percentOf(await out('Quantized accuracy').textContent());
  const qat = page.getByRole('button', { name: 'Train with QAT', exact: true });
  await expect(qat).toBeEnabled();
  await qat.click();
  await expect(results.getByRole('button', { name: 'Show PTQ', exact: true })).toBeVisible({ timeout: 150_000 });
  await expect(results.getByText(/^QAT: w2\/a2/)).toBeVisible();
  expect(percentOf(await out('Quantized accuracy').textContent())).toBeGreaterThan(ptq2);
  await results.getByRole('button', { name: 'Show PTQ', exact: true }).click();
  await expect(out('Quantized accuracy')).toHaveText(`${ptq2.toFixed(2)} %`);
});

test('the clipping range moves by handle and by number, and the layer SQNR follows', async ({ page }) => {
  const { ptq, out } = await openQuantization(page, INT2);
  await ptq.click();
  await expect(out('Integer-only accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  const hist = page.getByRole('region', { name: 'Float vs int histogram' });
  await hist.getByLabel('Tensor').selectOption('weights:fc1');
  const layerSqnr = hist.getByRole('status', { name: 'Layer SQNR' });
  await expect(layerSqnr).toHaveText(/dB/);
  const before = await layerSqnr.textContent();
  // The handle on the chart moves with the keyboard as well as by dragging.
  const handle = hist.getByRole('slider', { name: 'Clip max handle' });
  const v0 = Number(await handle.getAttribute('aria-valuenow'));
  for (let i = 0; i < 20; i++) await handle.press('ArrowLeft');
  expect(Number(await handle.getAttribute('aria-valuenow'))).toBeLessThan(v0);
  await expect(layerSqnr).not.toHaveText(before ?? '');
  const clipMax = hist.getByLabel('Clip max', { exact: true });
  const afterHandle = await layerSqnr.textContent();
  await clipMax.fill(String(Number(await clipMax.inputValue()) / 4));
  await expect(layerSqnr).not.toHaveText(afterHandle ?? '');
  await expect(hist.getByRole('status', { name: 'Clipped values' })).not.toHaveText('0.00 %');
});

test('steps through one neuron of the integer-only model and sizes the fp32 / fp16 / int8 / int4 ledger', async ({ page }) => {
  const { ptq, out } = await openQuantization(page);
  await ptq.click();
  await expect(out('Integer-only accuracy')).toHaveText(/\d+\.\d\d %/, { timeout: 120_000 });
  const step = page.getByRole('region', { name: 'Integer-only step-through' });
  await step.getByRole('button', { name: 'Step through', exact: true }).click();
  await expect(step.getByRole('status', { name: 'int8 output' })).toHaveText(/^-?\d+$/, { timeout: 60_000 });
  await expect(step.getByRole('status', { name: 'int32 accumulator' })).toHaveText(/^-?\d+$/);

  await page.getByRole('button', { name: 'Compute ledger', exact: true }).click();
  const ledger = page.getByRole('table', { name: /Weights \+ biases/ });
  await expect(ledger).toBeVisible({ timeout: 120_000 });
  const kbOf = async (row: string) => Number(/([\d.]+) KB/.exec((await ledger.getByRole('row', { name: new RegExp(`^${row}`) }).textContent()) ?? '')?.[1]);
  const sizes = [await kbOf('fp32'), await kbOf('fp16'), await kbOf('int8'), await kbOf('int4')];
  for (let i = 1; i < 4; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1]);
});
