import { beforeEach, describe, expect, it } from 'vitest';
import { clearNotice, pushNotice, useNotices } from './notices';

describe('notices', () => {
  beforeEach(() => useNotices.setState({ notices: [] }));

  it('replaces a notice with the same key and keeps the route it is about', () => {
    pushNotice('warning', 'Epochs: "-3" is not valid', 'settings:train:epochs', '/train');
    pushNotice('warning', 'Epochs: "0" is not valid', 'settings:train:epochs', '/train');
    const { notices } = useNotices.getState();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ text: 'Epochs: "0" is not valid', route: '/train' });
  });

  it('clearNotice removes only the notice with that key', () => {
    pushNotice('warning', 'a', 'settings:train:epochs');
    pushNotice('error', 'b', 'engine');
    clearNotice('settings:train:epochs');
    expect(useNotices.getState().notices.map((n) => n.key)).toEqual(['engine']);
  });
});
