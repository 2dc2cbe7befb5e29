/**
 * Why edge AI, AI at NXP and Generative AI at the edge: each page renders, the calculator and the
 * GenAI estimator react to their controls, the device panel shows energy per inference, bad link
 * values fall back with a notice (never NaN on the page), and axe finds no serious violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function open(page: Page, id: string, title: string, query = '') {
  await page.goto(`./#/${id}${query ? `?${query}` : ''}`);
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

async function noSeriousAxe(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const status = (page: Page, name: string) => page.getByRole('status', { name, exact: true });
/** "47.8 ms" → 47.8, "48.3 s" → 48,300. */
const ms = (t: string | null) => {
  const m = /([\d,.]+)\s*(ms|s)\b/.exec(t ?? '');
  if (!m) throw new Error(`no time in "${t}"`);
  return Number(m[1].replace(/,/g, '')) * (m[2] === 's' ? 1000 : 1);
};

test('Why edge AI: benefits, compute classes and the cloud-vs-edge calculator react', async ({ page }) => {
  await open(page, 'edge', 'Why edge AI');
  await expect(page.getByRole('heading', { name: 'Real-time decisions' })).toBeVisible();
  await expect(page.getByText(/decades from the smallest to the largest/)).toBeVisible();
  const memory = page.getByRole('list', { name: 'Memory by part' });
  await expect(memory.getByText('24.0 GB')).toBeVisible();
  await expect(memory.getByText('512.0 KB')).toBeVisible();

  for (const name of ['Round-trip latency (cloud)', 'Latency (edge)', 'Data per day', 'Energy per decision (cloud)', 'Energy per decision (edge)', 'Battery life (edge)']) {
    await expect(status(page, name)).toHaveText(/\d/);
  }
  // Microphone 32 kB/s over Wi-Fi: 2.76 GB a day, and the link carries it.
  await expect(status(page, 'Data per day')).toHaveText('2.76 GB');
  await expect(status(page, 'Carries the stream')).toHaveText('yes');
  const wifi = ms(await status(page, 'Round-trip latency (cloud)').textContent());
  expect(ms(await status(page, 'Latency (edge)').textContent())).toBeLessThan(wifi);

  // LoRa cannot carry 32 kB/s: the calculator says so and the round trip grows.
  await page.getByLabel('Link', { exact: true }).selectOption('lora');
  await expect(status(page, 'Carries the stream')).toHaveText('no');
  expect(ms(await status(page, 'Round-trip latency (cloud)').textContent())).toBeGreaterThan(10 * wifi);

  // A slower data rate (same window) cuts the data per day tenfold.
  await page.getByLabel('Data rate (kB/s)').fill('3.2');
  await expect(status(page, 'Data per day')).toHaveText('276 MB');

  // The model select changes the edge latency (the estimator runs it on the chosen part).
  const before = await status(page, 'Latency (edge)').textContent();
  await page.getByLabel('Model', { exact: true }).selectOption('ic');
  await expect(status(page, 'Latency (edge)')).not.toHaveText(before ?? '');

  // The device panel follows the calculator's model and shows energy per inference and battery life.
  const panel = page.getByRole('complementary', { name: 'Device panel' });
  const int8 = panel.getByRole('region', { name: 'int8' });
  await expect(int8.getByRole('status', { name: 'Energy per inference' })).toHaveText(/^[\d.]+ (µJ|mJ)$/);
  const life = await int8.getByRole('status', { name: 'Battery life' }).textContent();
  await panel.getByLabel('Inferences per second').fill('10');
  await expect(int8.getByRole('status', { name: 'Battery life' })).not.toHaveText(life ?? '');
  await panel.getByLabel('Inferences per second').fill('1');

  await expect(page.getByText(/NaN/)).toHaveCount(0);
  await noSeriousAxe(page, '.edge-page');
  await noSeriousAxe(page, '.device-panel');
});

test('bad values in the link fall back to defaults with a notice, never NaN', async ({ page }) => {
  await open(page, 'edge', 'Why edge AI', 'eRate=0&eSample=-3&eBattery=99999999999&eLink=');
  await expect(page.getByRole('alert').filter({ hasText: 'Data rate (kB/s)' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Sample size (kB)' })).toBeVisible();
  await expect(page.getByLabel('Data rate (kB/s)')).toHaveValue('32');
  await expect(page.getByText(/NaN|Infinity/)).toHaveCount(0);

  await open(page, 'genai', 'Generative AI at the edge', 'gParams=0&gContext=-5&gBits=3');
  await expect(page.getByRole('alert').filter({ hasText: 'Parameters (billions)' })).toBeVisible();
  await expect(page.getByLabel('Context length')).toHaveValue('1024');
  await expect(status(page, 'Decode tokens per second')).toHaveText(/^[\d.]+ tokens\/s$/);
  await expect(page.getByText(/NaN|Infinity/)).toHaveCount(0);
});

test('Generative AI at the edge answers: memory, fit and tokens per second follow the controls', async ({ page }) => {
  await open(page, 'genai', 'Generative AI at the edge');
  await expect(page.getByLabel('Context length')).toHaveValue('1024');
  await expect(status(page, 'Weights')).toHaveText('0.50 GB');
  await expect(status(page, 'Fits in DRAM')).toHaveText('yes');
  const decode4 = parseFloat((await status(page, 'Decode tokens per second').textContent()) ?? '');
  expect(decode4).toBeGreaterThan(1);
  await expect(status(page, 'Prefill tokens per second')).toHaveText(/tokens\/s/);

  // 8 B at 16 bits on the i.MX 93: 16 GB of weights, does not fit.
  await page.getByLabel('Parameters (billions)').fill('8');
  await page.getByLabel('Weight bits').selectOption('16');
  await page.getByLabel('GenAI target').selectOption('imx93');
  await expect(status(page, 'Weights')).toHaveText('16.0 GB');
  await expect(status(page, 'Model memory')).toHaveText(/GB$/);
  await expect(status(page, 'Fits in DRAM')).toHaveText('no');

  // 1 B on the i.MX 95: 16-bit decodes slower than 4-bit (bandwidth bound).
  await page.getByLabel('Parameters (billions)').fill('1');
  await page.getByLabel('GenAI target').selectOption('imx95');
  const decode16 = parseFloat((await status(page, 'Decode tokens per second').textContent()) ?? '');
  expect(decode16).toBeLessThan(decode4 / 2.5);
  await noSeriousAxe(page, '.genai-page');
});

test('AI at NXP: portfolio with engines and an eIQ flow whose boxes open the labs', async ({ page }) => {
  await open(page, 'nxp', 'AI at NXP');
  const flow = page.getByRole('navigation', { name: 'eIQ toolkit flow' });
  for (const [name, href] of [
    ['Quantize', '#/quantization'],
    ['Prune', '#/pruning'],
    ['eIQ Neutron converter', '#/deploy'],
    ['eIQ Time Series Studio', '#/time-series'],
    ['eIQ GenAI Flow', '#/genai'],
  ]) {
    await expect(flow.getByRole('link', { name: new RegExp(name) })).toHaveAttribute('href', href);
  }
  await expect(page.getByRole('region', { name: 'MCX microcontrollers' }).getByText('eIQ Neutron N1-16 @150 MHz')).toBeVisible();
  await expect(page.getByRole('region', { name: 'i.MX application processors' }).getByText('Arm Mali GPU')).toBeVisible();
  await flow.getByRole('link', { name: /eIQ GenAI Flow/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Generative AI at the edge', exact: true })).toBeVisible();
  await page.goBack();
  await noSeriousAxe(page, '.nxp-page');
});
