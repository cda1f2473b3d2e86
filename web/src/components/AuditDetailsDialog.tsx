// One audit entry in full: who, when, the request id and the state before and after.
import { Dialog, Text } from '@gravity-ui/uikit';
import type { AuditEntry } from '../api';
import { useI18n } from '../i18n';

function Json({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined) return <Text color="secondary">{empty}</Text>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditDetailsDialog({ entry, onClose }: { entry: AuditEntry | null; onClose(): void }) {
  const { t, formatDateTime } = useI18n();
  const a = t.audit;
  return (
    <Dialog open={entry !== null} onClose={onClose} size="l" qa="audit-details">
      <Dialog.Header caption={a.detailsTitle} />
      <Dialog.Body>
        {entry && (
          <>
            <dl className="facts">
              <dt>{a.at}</dt><dd>{formatDateTime(entry.at)}</dd>
              <dt>{a.actor}</dt><dd>{entry.actorName ? `${entry.actorName} (${entry.actorLogin})` : entry.actorLogin ?? a.system}</dd>
              <dt>{a.organization}</dt><dd>{entry.organizationName ?? '—'}</dd>
              <dt>{a.action}</dt><dd>{entry.actionTitle} <code>{entry.action}</code></dd>
              <dt>{a.entity}</dt><dd>{entry.object ? `${entry.object.typeTitle}: ${entry.object.title}` : '—'} <code>{entry.entityId ?? ''}</code></dd>
              <dt>{a.requestId}</dt><dd><code>{entry.requestId ?? '—'}</code></dd>
            </dl>
            <div className="json-pair">
              <div>
                <Text as="h3" variant="subheader-2">{a.before}</Text>
                <Json value={entry.before} empty={a.nothing} />
              </div>
              <div>
                <Text as="h3" variant="subheader-2">{a.after}</Text>
                <Json value={entry.after} empty={a.nothing} />
              </div>
            </div>
          </>
        )}
      </Dialog.Body>
      <Dialog.Footer onClickButtonApply={onClose} textButtonApply={t.common.close} />
    </Dialog>
  );
}
