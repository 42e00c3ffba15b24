import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { SessionProvider, useSessionLoader } from './session/SessionContext';
import { SetupPage } from './session/SetupPage';
import { LoginPage } from './session/LoginPage';
import { Shell } from './shell/Shell';
import { requiredMark } from './components/RequiredMark';
import { ApprovalHost } from './components/ApprovalDialog';
import { PrintPreview, usePrintRoute } from './print/PrintPreview';
import { S } from './strings';
import { DesksProvider } from './desk-module';
import { DESK_REGISTRY } from './desks';
import './dates'; // dayjs plugins and zh-cn locale, before any date picker renders

export function App() {
  return (
    // autoInsertSpace off: antd would otherwise render "登 录", and operators (and tests) read "登录".
    // requiredMark: labels must read exactly "密码", not "* 密码" (see RequiredMark).
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} form={{ requiredMark }}>
      {/* Lasting error cards go bottom right, where they do not cover the header buttons. */}
      <AntApp notification={{ placement: 'bottomRight' }}>
        <DesksProvider value={DESK_REGISTRY}>
          <SessionGate />
          <ApprovalHost />
        </DesksProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** First-run setup, sign-in or the app, as auth.session says. */
function SessionGate() {
  const { state, refresh, setLocked, retry } = useSessionLoader();
  const printRoute = usePrintRoute();
  const signedIn = () => void refresh();

  if (state.status === 'loading') {
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description={S.loading} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <Result
        status="error"
        title={S.bootFailed}
        subTitle={state.error.message}
        extra={
          <Button type="primary" onClick={retry}>
            {S.retry}
          </Button>
        }
      />
    );
  }
  const { session } = state;
  if (session.needsSetup) return <SetupPage setupCodeRequired={session.setupCodeRequired} onSignedIn={signedIn} />;
  if (!session.operator) return <LoginPage officeName={session.officeName} onSignedIn={signedIn} />;
  // A print route shows the bare form, sized as its paper, without the shell around it.
  if (printRoute) return <PrintPreview route={printRoute} officeName={session.officeName} />;
  return (
    // A new operator gets a fresh app: nothing of the previous one's screens survives.
    <SessionProvider key={session.operator.id} session={session} operator={session.operator} refresh={refresh} setLocked={setLocked}>
      <Shell />
    </SessionProvider>
  );
}
