// @vitest-environment jsdom
/** The job runner as a page shows it: the status line and the button states of two labs. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../worker/client', () => ({
  getEngine: () => ({ beginJob: async () => undefined, endJob: async () => undefined, stop: async () => undefined }),
  onEngineCrash: () => () => undefined,
}));
vi.mock('../store/engine-boot', () => ({ whenEngineReady: async () => undefined }));

const { runJob, useJobs } = await import('../store/jobs');
const { JobStatus, useJob } = await import('./jobs');

const pruning = { id: 'pruning', title: 'Pruning' };
const train = { id: 'train', title: 'Train' };

function Buttons({ lab }: { lab: typeof pruning }) {
  const job = useJob(lab);
  return (
    <div aria-label={lab.title} role="group">
      <button type="button" disabled={job.blocked}>
        Start
      </button>
      <button type="button" disabled={!job.running}>
        Stop
      </button>
    </div>
  );
}

function Page({ lab }: { lab: typeof pruning }) {
  return (
    <MemoryRouter>
      <Buttons lab={lab} />
      <JobStatus lab={lab} />
    </MemoryRouter>
  );
}

afterEach(() => {
  cleanup();
  useJobs.setState({ current: null, errors: {} });
});

describe('JobStatus and useJob', () => {
  it("shows this lab's progress, disables Start and enables Stop while its job runs", async () => {
    render(<Page lab={pruning} />);
    let finish!: () => void;
    let run!: Promise<unknown>;
    await act(async () => {
      run = runJob(pruning, 'The sweep', (job) => {
        job.progress(0.5, 'Sweep: 3 of 6 levels');
        return new Promise<void>((r) => (finish = r));
      });
    });
    expect(screen.getByRole('status', { name: 'Progress' }).textContent).toContain('Sweep: 3 of 6 levels');
    expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveProperty('disabled', false);
    await act(async () => {
      finish();
      await run;
    });
    expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('status', { name: 'Progress' })).toBeNull();
  });

  it('shows the running job by name before its first progress report', async () => {
    render(<Page lab={pruning} />);
    let finish!: () => void;
    await act(async () => {
      void runJob(pruning, 'Loading the model', () => new Promise<void>((r) => (finish = r)));
    });
    const line = screen.getByRole('status', { name: 'Progress' });
    expect(line.textContent).toContain('Loading the model…');
    expect(line.querySelector('progress')?.hasAttribute('value')).toBe(false);
    await act(async () => finish());
    expect(screen.queryByRole('status', { name: 'Progress' })).toBeNull();
  });

  it("on another lab's page: names whose job holds the engine, links to it, and allows no Stop", async () => {
    render(<Page lab={train} />);
    let finish!: () => void;
    await act(async () => {
      void runJob(pruning, 'The sweep', () => new Promise<void>((r) => (finish = r)));
    });
    expect(screen.queryByRole('status', { name: 'Progress' })).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(/busy with the Pruning lab's job \(The sweep/);
    expect(screen.getByRole('link', { name: 'Pruning' }).getAttribute('href')).toBe('/pruning');
    expect(screen.getByRole('button', { name: 'Start' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveProperty('disabled', true);
    await act(async () => finish());
  });

  it("shows the lab's last error once its job failed", async () => {
    render(<Page lab={pruning} />);
    await act(async () => {
      await runJob(pruning, 'Pruning', async () => {
        throw new Error('no layer is included');
      });
    });
    expect(screen.queryByRole('status', { name: 'Progress' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('no layer is included');
  });
});
