/**
 * Jobs under faults (issue 20): for every lab's job — start then Stop, start then reload, start then
 * leave for another lab — the engine must never stay busy: Stop gives the controls back, a reload
 * says the job was interrupted, and leaving keeps the job visible ("Running job" in the
 * diagnostics) until it is stopped. One page (one context, one baseline trained once) runs them all
 * in order, to keep the time small; its console errors fail the test like the shared fixture does.
 */
import { test, expect, type Page } from '@playwright/test';

interface LabJob {
  lab: string;
  title: string;
  /** Settings that make the job long enough to be caught mid-way. */
  query: string;
  start: string;
  /** A step the job needs first (Time series: generate its data). */
  prepare?: (page: Page) => Promise<void>;
}

const JOBS: LabJob[] = [
  { lab: 'train', title: 'Train', query: 'model=mlp&epochs=30', start: 'Train' },
  { lab: 'pruning', title: 'Pruning', query: 'prFineTune=20&prWhen=after&prGranularity=unstructured', start: 'Prune' },
  { lab: 'quantization', title: 'Quantization', query: 'qQatEpochs=10', start: 'Train with QAT' },
  { lab: 'distillation', title: 'Distillation', query: 'kdTeacher=baseline&kdStudent=mlp-small&kdEpochs=60&kdTransfer=2000', start: 'Distill' },
  { lab: 'nas', title: 'Architecture search', query: 'nasStrategy=random&nasCandidates=200&nasFinalEpochs=0', start: 'Search' },
  { lab: 'deploy', title: 'Deploy', query: 'dpCalibration=8000&dpTestVectors=200', start: 'Export' },
  {
    lab: 'time-series',
    title: 'Time series',
    query: 'tsTask=classification&tsDataset=motor&tsRate=500&tsWindow=128&tsStride=64&tsRecordings=3&tsSeconds=1&tsEpochs=100',
    start: 'Train',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Generate data', exact: true }).click();
      await expect(page.getByRole('status', { name: 'Windows', exact: true })).toHaveText(/\d+/);
    },
  },
];

test.describe.configure({ mode: 'serial' });

let page: Page;
const errors: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1280, height: 720 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  // One quick baseline for the labs that start from it.
  await page.goto('./#/train?model=mlp&epochs=1&batchSize=64&seed=1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 200_000 });
});

test.afterAll(async () => page?.context().close());

test.afterEach(() => {
  expect(errors.splice(0), 'console errors').toEqual([]);
});

const running = () => page.getByRole('status', { name: 'Running job' });

async function open(job: LabJob) {
  await page.goto(`./#/${job.lab}?${job.query}`);
  await expect(page.getByRole('heading', { level: 1, name: job.title })).toBeVisible();
  await job.prepare?.(page);
}

async function start(job: LabJob) {
  const button = page.getByRole('button', { name: job.start, exact: true });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await button.click();
  await expect(running()).toContainText(`(${job.title})`);
}

async function stopped(job: LabJob) {
  await expect(running()).toHaveText('none', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: job.start, exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
}

for (const job of JOBS) {
  test(`${job.lab}: ${job.start} — stop, reload and leave mid-job never leave the engine busy`, async () => {
    test.setTimeout(150_000);
    await open(job);

    // Stop → the stopped state, the controls back.
    await start(job);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await stopped(job);

    // Leave for another lab → the job is still visible there, and can be stopped after coming back.
    await start(job);
    await page.evaluate(() => (location.hash = '#/devices'));
    await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();
    const elsewhere = (await running().textContent()) ?? '';
    expect(elsewhere === 'none' || elsewhere.includes(`(${job.title})`), elsewhere).toBe(true);
    await open(job);
    // It may have finished meanwhile (then Stop is disabled); either way the engine must end up free.
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    if (await stop.isEnabled()) await stop.click({ timeout: 5_000 }).catch(() => undefined);
    await stopped(job);

    // Reload → a notice says what was interrupted; the engine is free.
    await start(job);
    await page.reload();
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(`in the ${job.title} lab was interrupted`);
    await job.prepare?.(page);
    await stopped(job);
  });
}
