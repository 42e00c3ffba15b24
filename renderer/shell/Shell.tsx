import { useCallback, useEffect, useRef, useState } from 'react';
import { ConfigProvider, Layout } from 'antd';
import { desksFor, useDesks } from '../desk-module';
import { usesDesk } from '../../shared/permissions';
import { useSession } from '../session/SessionContext';
import { LockScreen } from '../session/LockScreen';
import { useIdleLock } from '../session/useIdleLock';
import { useShortcuts } from '../shortcuts';
import { S } from '../strings';
import { DeskMenu } from './DeskMenu';
import { DeskView, homeDesk, searchFirst } from './DeskView';
import { ShellHeader } from './ShellHeader';
import { ShortcutHelp } from './ShortcutHelp';
import { useHashRoute } from './useHashRoute';
import { parsePrintHash } from '../print/route';
import { CounterSearch } from '../search/CounterSearch';
import { useScanner } from '../components/useScanner';
import { useDeskAttention } from './useDeskAttention';

/** The signed-in app: sidebar of desks, header, the current desk, and the lock screen over it all. */
export function Shell() {
  const { session, operator, lock, refresh } = useSession();
  const appRef = useRef<HTMLDivElement>(null);
  const [route, navigate] = useHashRoute();
  const registry = useDesks();
  const desks = desksFor(registry, operator.roles);
  // "settings" is for everyone, so there is always a desk to fall back to.
  const home = homeDesk(desks);
  const current = desks.find((d) => d.key === route.desk) ?? home;
  const [helpOpen, setHelpOpen] = useState(false);
  // The counter search finds units and people: a role without the estate desk (门岗) reaches none,
  // and the server refuses search.counter for it, so F2, a stray scan and the header button are not offered.
  const searches = usesDesk(operator.roles, 'estate');
  // Signed in to a home that is not their own desk yet: the search box is open, so the first
  // keys typed find a unit (its card) — the work they can do here until their desk exists.
  const [searchOpen, setSearchOpen] = useState(() => searches && current === home && searchFirst(desks));
  // A code scanned with nothing to type into goes to the counter search, which opens its first
  // hit (a JD number its entry, a unit code its card). `seq` starts a fresh search per scan.
  const [scanned, setScanned] = useState<{ code: string; seq: number } | null>(null);
  const openSearch = useCallback(() => {
    setScanned(null);
    setSearchOpen(true);
  }, []);
  const locked = session.locked;
  const attention = useDeskAttention(!locked);

  useEffect(() => {
    // A print form's address belongs to the app, which shows the form instead of the shell; the
    // shell can still see it for a moment on the way out, and must not "correct" it to a desk.
    if (parsePrintHash(window.location.hash)) return;
    if (route.desk !== current.key) navigate(current.key, undefined, true);
  }, [route.desk, current.key, navigate]);

  useEffect(() => {
    document.title = `${current.title} · ${session.officeName} · ${S.appName}`;
  }, [current.title, session.officeName]);

  const lockNow = useCallback(() => void lock(), [lock]);
  useIdleLock({ lockMinutes: session.lockMinutes, locked, lock: lockNow });
  useShortcuts(
    {
      desk: (n) => {
        const desk = desks[n - 1];
        if (desk) navigate(desk.key);
      },
      lock: lockNow,
      help: () => setHelpOpen(true),
      search: searches ? openSearch : () => undefined,
    },
    !locked,
  );
  // Scans into a field are the field's (or its desk's) own, and so are those a screen takes whole (the gate's).
  useScanner(
    (code, scan) => {
      if (scan.field) return;
      setScanned((last) => ({ code, seq: (last?.seq ?? 0) + 1 }));
      setSearchOpen(true);
    },
    !locked && searches,
    { fallback: true },
  );

  return (
    <>
      {/* While locked the app stays mounted (unsaved forms survive) but cannot be reached. Its
          dialogs and dropdowns are rendered inside this box so `inert` covers them too. */}
      <div ref={appRef} inert={locked} aria-hidden={locked || undefined}>
        <ConfigProvider getPopupContainer={() => appRef.current ?? document.body}>
          <Layout data-testid="shell" style={{ minHeight: '100vh' }} hasSider>
            <DeskMenu desks={desks} current={current.key} attention={attention} onSelect={(key) => navigate(key)} />
            <Layout>
              <ShellHeader desks={desks} attention={attention} onLock={lockNow} onHelp={() => setHelpOpen(true)} onSearch={searches ? openSearch : undefined} />
              <Layout.Content style={{ padding: 24, minWidth: 0 }}>
                <DeskView desk={current} section={route.section} onSection={(section) => navigate(current.key, section)} />
              </Layout.Content>
            </Layout>
          </Layout>
          <ShortcutHelp open={helpOpen} desks={desks} searches={searches} onClose={() => setHelpOpen(false)} />
          {searches && <CounterSearch key={scanned?.seq ?? 0} open={searchOpen && !locked} initialText={scanned?.code} onClose={() => setSearchOpen(false)} />}
        </ConfigProvider>
      </div>
      {locked && <LockScreen onUnlocked={() => void refresh()} />}
    </>
  );
}
