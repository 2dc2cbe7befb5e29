import { test, expect, gotoLab, percentOf } from './fixtures';

/**
 * Live capture without a phone: Chromium's fake microphone (a beeping test source, granted without a
 * prompt) and DeviceMotion events dispatched in the page at 100 Hz. Real hardware (a phone's
 * accelerometer, iOS's permission prompt) is not covered here.
 */
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

const SMALL = 'tsTask=classification&tsDataset=motor&tsModel=mlp&tsFeatures=dsp&tsWindow=32&tsStride=16&tsEpochs=2&tsSeed=3';

/** Two labelled clips from the current sensor, then "Use clips as dataset" and Train. */
async function recordTwoClipsAndTrain(page: import('@playwright/test').Page, button: string, between?: () => Promise<void>) {
  const status = page.getByRole('status', { name: 'Recording status' });
  await page.getByLabel('Clip label').fill('first');
  await page.getByRole('button', { name: button }).click();
  await expect(status).toHaveText(/Recorded "first" at \d+ Hz \(1 clips\)/, { timeout: 20_000 });
  await between?.();
  await page.getByLabel('Clip label').fill('second');
  await page.getByRole('button', { name: button }).click();
  await expect(status).toHaveText(/Recorded "second" at \d+ Hz \(2 clips\)/, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Use clips as dataset' }).click();
  await expect(status).toHaveText('Using 2 clips as the dataset.');
  await expect(page.getByLabel('Dataset')).toHaveValue('csv');
  await expect(page.getByRole('status', { name: 'Windows', exact: true })).toHaveText(/^[1-9][\d,]*$/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const acc = page.getByRole('status', { name: 'Test accuracy', exact: true });
  await expect(acc).toHaveText(/\d+\.\d %/, { timeout: 120_000 });
  return percentOf(await acc.textContent());
}

test('microphone clips (fake device) fill windows and the model classifies them', async ({ page }) => {
  await gotoLab(page, 'time-series', SMALL);
  const acc = await recordTwoClipsAndTrain(page, 'Record microphone clip');
  // Both clips hear the same test beep, so the accuracy itself says little; it must be a real number.
  expect(acc).toBeGreaterThanOrEqual(0);
  await expect(page.getByLabel('Sampling rate (Hz)')).toHaveValue('8000');
  await expect(page.getByRole('img', { name: /Spectrogram of first \(sound\)/ })).toBeVisible();
  // Imported data can be resampled: the anti-aliasing control appears with it.
  await expect(page.getByRole('checkbox', { name: 'Anti-aliasing filter' })).toBeChecked();
});

test('accelerometer clips from DeviceMotion events: still vs shaking is learned', async ({ page }) => {
  // More epochs than the microphone test so the tiny MLP converges, and a finer stride so the test
  // split has more than a handful of windows (with 6, one window at a clip's edge already cost 17 pp).
  await gotoLab(page, 'time-series', SMALL.replace('tsEpochs=2', 'tsEpochs=30').replace('tsStride=16', 'tsStride=8'));
  // Gravity on z, plus a 3 Hz shake of 1 g on x while window.__shake is set.
  await page.evaluate(() => {
    const w = window as unknown as { __shake: boolean };
    w.__shake = false;
    const t0 = performance.now();
    setInterval(() => {
      const t = (performance.now() - t0) / 1000;
      const x = w.__shake ? 9.81 * Math.sin(2 * Math.PI * 3 * t) : 0.05 * Math.sin(t * 37);
      window.dispatchEvent(new DeviceMotionEvent('devicemotion', { accelerationIncludingGravity: { x, y: 0.02, z: 9.81 }, interval: 10 }));
    }, 10);
  });
  await expect(page.getByRole('button', { name: 'Record accelerometer clip' })).toBeVisible();
  const acc = await recordTwoClipsAndTrain(page, 'Record accelerometer clip', async () => {
    await page.evaluate(() => ((window as unknown as { __shake: boolean }).__shake = true));
  });
  // Chance is 50 %; a model that learned still vs shaking gets nearly every window right.
  expect(acc).toBeGreaterThanOrEqual(80);
});

test('denied permissions are reported, not thrown', async ({ page }) => {
  // The fake UI grants every request, so denial is simulated where the browser would deliver it:
  // getUserMedia rejects with NotAllowedError, and iOS's DeviceMotionEvent.requestPermission says "denied".
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    (DeviceMotionEvent as unknown as { requestPermission: () => Promise<string> }).requestPermission = () => Promise.resolve('denied');
  });
  await gotoLab(page, 'time-series', SMALL);
  const status = page.getByRole('status', { name: 'Recording status' });
  await page.getByRole('button', { name: 'Record microphone clip' }).click();
  await expect(status).toHaveText(/Microphone permission was denied/);
  await page.getByRole('button', { name: 'Record accelerometer clip' }).click();
  await expect(status).toHaveText('Motion sensor permission was denied.');
  await expect(page.getByRole('button', { name: 'Use clips as dataset' })).toBeDisabled();
});
