// The user's own page: data, password, personal API tokens.
import { Alert, Card, Text } from '@gravity-ui/uikit';
import { ROLE_LABELS } from '../../../domain/labels';
import { useI18n } from '../i18n';
import { useCurrentSession, useSession } from '../state/session';
import { PageHeader } from '../components/PageHeader';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ApiTokens } from '../components/ApiTokens';

export function ProfilePage() {
  const session = useCurrentSession();
  const { refresh } = useSession();
  const { t, locale } = useI18n();
  const p = t.profile;
  const { user } = session;
  return (
    <div className="page">
      <PageHeader title={p.title} />
      {user.mustChangePassword && <Alert theme="warning" message={t.shell.mustChangePassword} className="page-alert" qa="must-change-password" />}
      <div className="profile-grid">
        <Card view="outlined" className="panel">
          <Text as="h2" variant="subheader-3">{p.data}</Text>
          <dl className="facts">
            <dt>{p.fullName}</dt><dd>{user.fullName}</dd>
            <dt>{p.login}</dt><dd><code>{user.login}</code></dd>
            <dt>{p.role}</dt><dd>{ROLE_LABELS[locale][user.role]}</dd>
            <dt>{p.organization}</dt><dd>{user.organization.name}</dd>
          </dl>
        </Card>
        <Card view="outlined" className="panel">
          <Text as="h2" variant="subheader-3">{p.passwordTitle}</Text>
          <ChangePasswordForm onChanged={() => void refresh()} />
        </Card>
      </div>
      <Card view="outlined" className="panel">
        <Text as="h2" variant="subheader-3">{p.tokensTitle}</Text>
        <ApiTokens />
      </Card>
    </div>
  );
}
