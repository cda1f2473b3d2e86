// The user menu of the header: who is signed in, profile, language, sign-out.
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Icon, Menu, Popup, Text } from '@gravity-ui/uikit';
import { ArrowRightFromSquare, ChevronDown, Globe, Person } from '@gravity-ui/icons';
import { ROLE_LABELS } from '../../../domain/labels';
import { useI18n } from '../i18n';
import { useCurrentSession, useSession } from '../state/session';

export function UserMenu() {
  const session = useCurrentSession();
  const { signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const { user } = session;
  const roleLabel = ROLE_LABELS[locale][user.role];

  const logout = async () => {
    setOpen(false);
    try {
      await signOut();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <Button ref={anchor} view="flat" size="l" className="user-menu__switcher" onClick={() => setOpen((v) => !v)} aria-label={t.shell.userMenu} aria-expanded={open} qa="user-menu">
        <Icon data={Person} size={18} />
        <span className="user-menu__who">
          <span className="user-menu__name" data-qa="header-user-name">{user.fullName}</span>
          <span className="user-menu__role">{roleLabel}</span>
        </span>
        <Icon data={ChevronDown} size={14} />
      </Button>
      <Popup anchorElement={anchor.current} open={open} onOpenChange={setOpen} placement="bottom-end">
        <div className="user-menu__popup" data-qa="user-menu-popup">
          <div className="user-menu__head">
            <Text variant="subheader-1">{user.fullName}</Text>
            <Text color="secondary">{roleLabel}</Text>
            <Text color="secondary">{user.organization.shortName}</Text>
          </div>
          <Menu size="l">
            <Menu.Item iconStart={<Icon data={Person} />} onClick={() => { setOpen(false); navigate('/profile'); }}>{t.shell.profile}</Menu.Item>
            <Menu.Item iconStart={<Icon data={Globe} />} onClick={() => { setOpen(false); setLocale(locale === 'ru' ? 'en' : 'ru'); }} qa="language-switch">
              {t.language.switchTo}
            </Menu.Item>
            <Menu.Item iconStart={<Icon data={ArrowRightFromSquare} />} onClick={() => void logout()} qa="logout">{t.shell.logout}</Menu.Item>
          </Menu>
        </div>
      </Popup>
    </>
  );
}
