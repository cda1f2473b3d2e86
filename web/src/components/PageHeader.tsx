import type { ReactNode } from 'react';
import { Text } from '@gravity-ui/uikit';

export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header__row">
        <Text as="h1" variant="header-2">{title}</Text>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {children}
    </header>
  );
}
