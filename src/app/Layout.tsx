/**
 * The shell around every page: header with the lab navigation, the diagnostics readout, notices,
 * the page, and the docked device panel region. It also boots the training worker once per session.
 */
import { useEffect } from 'react';
import { Link, NavLink, Outlet, useMatch } from 'react-router';
import { DiagnosticsBar } from '../components/DiagnosticsBar';
import { Notices } from '../components/Notices';
import { LABS, findLab } from './labs';
import { useLabSettings } from '../store/use-lab-settings';
import { engineSettings } from '../store/engine-settings';
import { bootEngine, pollEngineMemory } from '../store/engine-boot';
import { DeviceDock, useDockBeside } from './DeviceDock';
import { PresenterSwitch } from '../components/presenter/PresenterSwitch';
import { installRunGuard } from '../store/run-guard';
import { watchShelf } from '../store/shelf';

function useEngineBoot() {
  // url: false — the shell boots whatever backend is chosen; the link carries it on the labs that run
  // jobs (LabDefinition.runsOnEngine, read by LabRoute), not on the start page or the reference pages.
  const [{ backend, threads }] = useLabSettings(engineSettings, { url: false });
  useEffect(() => {
    bootEngine(backend, threads).catch(() => undefined); // failures become a notice inside bootEngine
  }, [backend, threads]);
  useEffect(() => pollEngineMemory(1000), []);
}

export function Layout() {
  useEngineBoot();
  // Leaving mid-job asks first; a reload mid-job is reported (src/store/run-guard.ts).
  useEffect(() => installRunGuard(), []);
  // Shelf updates from other tabs and the storage-full notice, on every page (idempotent).
  useEffect(() => {
    watchShelf().catch(() => undefined);
  }, []);
  // The device panel docks beside lab pages (not the start page or "not found").
  const labId = useMatch('/:labId')?.params.labId;
  const onLab = labId !== undefined && findLab(labId) !== undefined;
  const beside = useDockBeside();
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => {
        // Hash routing owns the fragment: move focus instead of navigating.
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          TinyML Lab
        </Link>
        <nav aria-label="Labs">
          <ul>
            {LABS.map((l) => (
              <li key={l.id}>
                <NavLink to={`/${l.id}`}>{l.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <PresenterSwitch />
      </header>
      <DiagnosticsBar />
      <Notices />
      <div className="workspace">
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
        {onLab && beside && <DeviceDock />}
      </div>
    </div>
  );
}
