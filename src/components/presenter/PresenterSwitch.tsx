/** The "Presenter mode" switch (role switch), with the demo shortcuts it enables described. */
import { useEffect, useId } from 'react';
import { setPresenter, usePresenter } from '../../store/presenter';
import { installShortcuts, SHORTCUT_HELP } from './shortcuts';
import './presenter.css';

export function PresenterSwitch() {
  const on = usePresenter((s) => s.on);
  const helpId = useId();
  useEffect(() => installShortcuts(), []);
  return (
    <span className="presenter-switch">
      <button type="button" role="switch" aria-checked={on} aria-describedby={helpId} className="switch" onClick={() => setPresenter(!on)}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Presenter mode
      </button>
      <span id={helpId} className="visually-hidden">
        {SHORTCUT_HELP}
      </span>
    </span>
  );
}
