// The cards' building blocks: a titled panel, and a list of labelled facts that leaves out empty ones.
import type { ReactNode } from 'react';
import { Card, Text } from '@gravity-ui/uikit';

/** One fact: its label, its value (null, undefined or '' leave the row out), and a test hook. */
export type FactRow = [label: string, value: ReactNode, qa?: string];

export function Facts({ rows }: { rows: FactRow[] }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="facts">
      {shown.map(([label, value, qa]) => (
        <div className="facts__row" key={label} data-qa={qa}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Panel({ title, children, qa, actions }: { title: string; children: ReactNode; qa?: string; actions?: ReactNode }) {
  return (
    <Card view="outlined" className="panel" qa={qa}>
      <div className="panel__head">
        <Text as="h2" variant="subheader-3">{title}</Text>
        {actions}
      </div>
      {children}
    </Card>
  );
}
