// Sign-in by login and password; in demo mode the demo logins fill the form in one click.
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, PasswordInput, Text, TextInput } from '@gravity-ui/uikit';
import { ROLE_LABELS } from '../../../domain/labels';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../state/session';
import { useResource } from '../state/useResource';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../demo';
import { Logo } from '../components/Logo';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { FullPageLoader } from '../components/RequireAuth';

/** Only paths of this app: no other origins, no protocol-relative addresses. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t, locale, errorText } = useI18n();
  const { status, signIn, expired, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  // The demo logins are offered only when the server runs with demo data.
  const demo = useResource(() => api.health(), []).data?.demo === true;
  // Coming from a citizen's page, the session is asked for only now.
  useEffect(() => { if (status === 'idle') void refresh(); }, [status, refresh]);

  if (status === 'loading' || status === 'idle') return <FullPageLoader />;
  if (status === 'authenticated' && !submitting) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      const info = await api.auth.login(login.trim(), password);
      signIn(info);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
      setSubmitting(false);
    }
  };

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);

  return (
    <div className="login">
      <div className="login__top">
        <LanguageSwitch />
      </div>
      <div className="login__content">
        <div className="login__brand">
          <Logo size={40} />
          <div>
            <Text as="div" variant="display-1">{t.product}</Text>
            <Text as="div" color="secondary">{t.productTagline}</Text>
          </div>
        </div>
        <Card view="raised" className="login__card">
          <form onSubmit={submit} noValidate>
            <Text as="h1" variant="header-1" className="login__title">{t.login.title}</Text>
            {expired && !error && <Alert theme="info" message={t.login.sessionExpired} className="login__alert" />}
            {error !== null && <Alert theme="danger" message={errorText(error)} className="login__alert" qa="login-error" />}
            <label className="form-field">
              <span className="form-field__label">{t.login.login}</span>
              <TextInput
                size="l" value={login} onUpdate={setLogin} autoFocus autoComplete="username" name="login"
                validationState={fieldError('login') ? 'invalid' : undefined} errorMessage={fieldError('login')}
              />
            </label>
            <label className="form-field">
              <span className="form-field__label">{t.login.password}</span>
              <PasswordInput
                size="l" value={password} onUpdate={setPassword} autoComplete="current-password" name="password"
                validationState={fieldError('password') ? 'invalid' : undefined} errorMessage={fieldError('password')}
              />
            </label>
            <Button type="submit" view="action" size="l" width="max" loading={submitting} disabled={!login.trim() || !password}>
              {t.login.submit}
            </Button>
          </form>
        </Card>
        <nav className="login__citizens" aria-label={t.login.citizens} data-qa="citizen-links">
          <Text color="secondary">{t.login.citizens}:</Text>
          <RouterLink className="text-link" to="/reception">{t.login.reception}</RouterLink>
          <RouterLink className="text-link" to="/status">{t.login.checkStatus}</RouterLink>
        </nav>
        {demo && (
          <Card view="outlined" className="login__demo" qa="demo-logins">
            <Text as="h2" variant="subheader-2">{t.login.demoTitle}</Text>
            <Text as="p" color="secondary">{t.login.demoHint}</Text>
            <ul className="login__demo-list">
              {DEMO_LOGINS.map((d) => (
                <li key={d.login}>
                  <button type="button" className="demo-login" onClick={() => { setLogin(d.login); setPassword(DEMO_PASSWORD); setError(null); }}>
                    <span className="demo-login__login">{d.login}</span>
                    <span className="demo-login__role">{ROLE_LABELS[locale][d.role]} · {d.organization}</span>
                  </button>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </div>
  );
}
