// @vitest-environment jsdom
/** Settings as a page reads them: a bad link value gets one notice that a second reader keeps. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Notices } from '../components/Notices';
import { defineSettings, intField } from './settings-schema';
import { setByLink, useLabSettings, useSettingsStore } from './use-lab-settings';
import { useNotices } from './notices';

const schema = defineSettings('demo', { epochs: intField('Epochs', 8, { min: 1, max: 50 }) });

function Reader({ label }: { label: string }) {
  const [v, update] = useLabSettings(schema);
  return (
    <>
      <output aria-label={label}>{v.epochs}</output>
      <button type="button" onClick={() => update({ epochs: v.epochs + 1 })}>
        More {label}
      </button>
    </>
  );
}

afterEach(() => {
  cleanup();
  useSettingsStore.setState({ values: {} });
  useNotices.setState({ notices: [] });
  window.localStorage.clear();
  window.location.hash = '';
});

function page() {
  return render(
    <MemoryRouter initialEntries={['/demo']}>
      <Notices />
      <Reader label="First" />
      <Reader label="Second" />
    </MemoryRouter>,
  );
}

describe('useLabSettings in a page', () => {
  it('remembers which values a link set, even after the link is rewritten with every setting', async () => {
    window.localStorage.setItem('tinyml:settings:demo', JSON.stringify({ epochs: '5' }));
    await act(async () => void page());
    expect(screen.getByRole('status', { name: 'First' }).textContent).toBe('5');
    expect(setByLink('demo', 'epochs')).toBe(false); // saved, not linked
    expect(window.location.hash).toBe('#/?epochs=5'); // rewritten with the value: a reload would now see it in the link
    cleanup();
    useSettingsStore.setState({ values: {} });
    window.location.hash = '#/demo?epochs=9';
    await act(async () => void page());
    expect(setByLink('demo', 'epochs')).toBe(true);
    expect(setByLink('demo', 'unknown')).toBe(false);
  });

  it('a bad link value falls back to the default, rewrites the link and keeps one notice with two readers', async () => {
    window.location.hash = '#/demo?epochs=abc';
    await act(async () => void page());
    expect(screen.getByRole('status', { name: 'First' }).textContent).toBe('8');
    expect(screen.getByRole('status', { name: 'Second' }).textContent).toBe('8');
    expect(window.location.hash).toBe('#/demo?epochs=8');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/Epochs/);
    expect(alerts[0]).toMatch(/abc/);
  });

  it('a good link value wins over saved settings, and a corrupt saved state is reset with a notice', async () => {
    window.localStorage.setItem('tinyml:settings:demo', '{{{');
    window.location.hash = '#/demo?epochs=12';
    await act(async () => void page());
    expect(screen.getByRole('status', { name: 'First' }).textContent).toBe('12');
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/unreadable/);
  });

  it('a full storage does not break the page and says once that settings will not be kept', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      window.location.hash = '#/demo?epochs=20';
      await act(async () => void page());
      await act(async () => screen.getByRole('button', { name: 'More First' }).click());
      await act(async () => screen.getByRole('button', { name: 'More First' }).click());
      expect(screen.getByRole('status', { name: 'First' }).textContent).toBe('22');
      expect(window.location.hash).toBe('#/demo?epochs=22');
      expect(screen.getAllByRole('alert').map((a) => a.textContent).filter((t) => /will not be kept/.test(t ?? ''))).toHaveLength(1);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });
});
