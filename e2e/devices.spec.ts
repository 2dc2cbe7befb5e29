/**
 * Device panel and Devices page: the panel is docked on the Train page and follows the "Model"
 * select; the Devices page shows the catalog and the MLPerf Tiny reference table; uploads estimate a
 * model, and a broken file shows an error naming the layer while the page keeps working.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Like fixtures' gotoLab, but waits for the page's own title: the guide renders a second <h1>. */
async function open(page: Page, id: string, title: string) {
  await page.goto(`./#/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

const kb = (text: string | null) => {
  const m = /([\d.]+)\s*(B|KB|MB)/.exec(text ?? '');
  if (!m) throw new Error(`no size in "${text}"`);
  return Number(m[1]) * (m[2] === 'MB' ? 1024 : m[2] === 'KB' ? 1 : 1 / 1024);
};

test('the device panel on the Train page follows the selected model and target', async ({ page }) => {
  await open(page, 'train', 'Train');
  const panel = page.getByRole('complementary', { name: 'Device panel' });
  const int8 = panel.getByRole('region', { name: 'int8' });
  const fp32 = panel.getByRole('region', { name: 'fp32' });
  await expect(int8.getByRole('status', { name: 'Flash' })).toHaveText(/\d KB/);
  await page.getByLabel('Model', { exact: true }).selectOption('mlp');
  await expect(int8.getByRole('status', { name: 'Parameters' })).toHaveText('109 K params');
  const mlpFlash = kb(await int8.getByRole('status', { name: 'Flash' }).textContent());
  // int8 stores a quarter of the fp32 weights; fp32 cannot use the int8-only NPU.
  expect(kb(await fp32.getByRole('status', { name: 'Flash' }).textContent())).toBeGreaterThan(2.5 * mlpFlash);
  await expect(fp32.getByRole('status', { name: 'Latency (NPU)' })).toHaveText('n/a');
  await expect(fp32.getByText(/runs int8 models only/)).toBeVisible();
  await expect(int8.getByRole('status', { name: 'Latency (NPU)' })).toHaveText(/^[\d.]+ ms$/);
  await expect(int8.getByRole('status', { name: 'Fits' })).toHaveText('yes');

  await page.getByLabel('Model', { exact: true }).selectOption('lenet5');
  await expect(int8.getByRole('status', { name: 'Parameters' })).toHaveText('61.7 K params');
  await expect(int8.getByRole('status', { name: 'MACs' })).toHaveText('417 K MACs');
  expect(kb(await int8.getByRole('status', { name: 'Flash' }).textContent())).not.toBe(mlpFlash);

  // A part without an NPU; the choice survives a reload (persisted).
  await panel.getByLabel('Target').selectOption('mcxn236');
  await expect(int8.getByRole('status', { name: 'Latency (NPU)' })).toHaveText('no NPU');
  await page.reload();
  await expect(panel.getByLabel('Target')).toHaveValue('mcxn236');

  // Compare view: one variant on every target; collapse and expand.
  await panel.getByRole('button', { name: 'Compare targets', exact: true }).click();
  await expect(panel.getByRole('table').first().getByRole('row')).toHaveCount(9);
  await panel.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(panel.getByLabel('Target')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(panel.getByLabel('Target')).toBeVisible();
  await panel.getByRole('button', { name: 'Variants', exact: true }).click();
  await panel.getByLabel('Target').selectOption('mcxn947');
});

test('the Devices page shows the catalog and the MLPerf Tiny reference table with ratios', async ({ page }) => {
  await open(page, 'devices', 'Devices');
  await expect(page.getByRole('table', { name: /Target catalog/ }).getByRole('row')).toHaveCount(9);
  const ref = page.getByRole('table', { name: 'MLPerf Tiny reference models' });
  await expect(ref).toBeVisible();
  await expect(ref.getByRole('rowheader', { name: /KWS DS-CNN/ })).toBeVisible();
  // Published MCX N947 timings appear next to the estimates, with a ratio within 1.5x.
  await expect(ref.getByRole('cell', { name: '62.0 ms' })).toBeVisible();
  const ratios = await ref.locator('td.dv-good, td.dv-bad').allTextContents();
  expect(ratios).toHaveLength(8);
  for (const r of ratios) {
    const v = parseFloat(r);
    expect(v).toBeGreaterThan(1 / 1.5);
    expect(v).toBeLessThan(1.5);
  }
  await expect(page.getByRole('heading', { name: /Devices: will it fit/ })).toBeVisible();
});

test('the Validation table lists held-out published measurements with sources, median and worst error', async ({ page }) => {
  await open(page, 'devices', 'Devices');
  const table = page.getByRole('table', { name: 'Validation', exact: true });
  await table.scrollIntoViewIfNeeded();
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(15);
  await expect(table.getByRole('rowheader', { name: /MobileNetV2/ }).first()).toBeVisible();
  await expect(table.getByText(/eIQ model zoo/).first()).toBeVisible();
  // Every held-out ratio is within 2x; the summary numbers match the rows.
  const ratios = (await table.locator('td.dv-good, td.dv-bad').allTextContents()).map(parseFloat);
  expect(ratios).toHaveLength(await rows.count());
  for (const r of ratios) expect(Math.max(r, 1 / r)).toBeLessThan(2);
  const worst = parseFloat((await page.getByRole('status', { name: 'Worst error' }).textContent()) ?? '');
  const medianError = parseFloat((await page.getByRole('status', { name: 'Median error' }).textContent()) ?? '');
  expect(worst).toBeCloseTo(Math.max(...ratios.map((r) => Math.max(r, 1 / r))), 1);
  expect(medianError).toBeLessThanOrEqual(worst);
  expect(medianError).toBeLessThan(1.35);
  await expect(page.getByRole('table', { name: 'Error per engine' })).toContainText('MCX N947 CPU');
  // Leave-one-model-out refits in the page and shows eight predictions.
  await page.getByRole('button', { name: 'Run leave-one-model-out', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Leave-one-model-out' }).locator('tbody tr')).toHaveCount(8);
});

test('the panel names the memory region the arena must fit and marks uncalibrated engines', async ({ page }) => {
  await open(page, 'train', 'Train');
  const panel = page.getByRole('complementary', { name: 'Device panel' });
  const int8 = panel.getByRole('region', { name: 'int8' });
  await panel.getByLabel('Target').selectOption('mcxn947');
  await expect(int8.getByText(/SRAM 0x2000_0000 \(m_data\)/).first()).toBeVisible();
  await panel.getByLabel('Target').selectOption('rt1170');
  await expect(int8.getByText(/OCRAM 0x2024_0000/).first()).toBeVisible();
  // The RT700's Cortex-M33 has no published measurement: its band says it is assumed.
  await panel.getByLabel('Target').selectOption('rt700');
  await expect(int8.getByText(/uncalibrated: .* \(assumed\)/).first()).toBeVisible();
  await panel.getByLabel('Target').selectOption('mcxn947');
  await expect(int8.getByText(/uncalibrated/)).toHaveCount(0);
});

test('uploading a model estimates it; a broken file names the layer and the page keeps working', async ({ page }) => {
  await open(page, 'devices', 'Devices');
  const input = page.getByLabel('Model file');
  const bad = {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'bad',
        layers: [
          { class_name: 'Conv2D', config: { name: 'conv', batch_input_shape: [null, 28, 28, 1], filters: 4, kernel_size: 3 } },
          { class_name: 'LSTM', config: { name: 'rnn', units: 8 } },
        ],
      },
    },
  };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('alert')).toContainText('layer 2 "rnn" (LSTM): unsupported layer class');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": ') });
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  // Over the size limit: refused before it is read (a 40 MB name once crashed the tab).
  await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...bad, pad: 'p'.repeat(6 * 2 ** 20) })) });
  await expect(page.getByRole('alert')).toContainText(/huge\.json: \d+ bytes: JSON model files over 5 MB are refused/);

  const good = structuredClone(bad);
  good.modelTopology.config.layers[1] = { class_name: 'Flatten', config: { name: 'flat' } } as never;
  good.modelTopology.config.layers.push({ class_name: 'Dense', config: { name: 'out', units: 10 } } as never);
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /bad \(int8\) on every target/ })).toBeVisible();
  // The panel now shows the uploaded model: 26x26x4 conv + 2,704 x 10 dense.
  const panel = page.getByRole('complementary', { name: 'Device panel' });
  await expect(panel.getByRole('region', { name: 'int8' }).getByRole('status', { name: 'MACs' })).toHaveText('51.4 K MACs');
});
