// Named sets of registry filters: three built in, the user's own kept in this browser.
import { useMemo, useState } from 'react';
import { Button, Icon, Text } from '@gravity-ui/uikit';
import { BookmarkFill, Plus, Xmark } from '@gravity-ui/icons';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { BUILT_IN_VIEWS, loadViews, sameParams, storeViews, type SavedView } from '../state/appealQuery';
import { FormDialog, TextField } from './form';
import { useNotify } from './notify';

interface SavedViewsProps {
  userId: string;
  /** The address form of the current filter. */
  current: URLSearchParams;
  onPick(params: URLSearchParams): void;
}

export function SavedViews({ userId, current, onPick }: SavedViewsProps) {
  const { t } = useI18n();
  const v = t.appeals.views;
  const notify = useNotify();
  const [own, setOwn] = useState<SavedView[]>(() => loadViews(userId));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const views = useMemo<SavedView[]>(() => [
    ...BUILT_IN_VIEWS.map((b) => ({ id: b.id, name: v[b.id], params: b.params, builtIn: true })),
    ...own,
  ], [own, v]);

  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError(new ApiError(400, 'validation_failed', v.nameRequired, [{ field: 'viewName', message: v.nameRequired }]));
      return;
    }
    const next = [...own.filter((o) => o.name !== trimmed), { id: `v${Date.now()}`, name: trimmed, params: current.toString() }];
    setOwn(next);
    storeViews(userId, next);
    setNaming(false);
    notify.success(v.saved(trimmed));
  };

  const remove = (id: string) => {
    const next = own.filter((o) => o.id !== id);
    setOwn(next);
    storeViews(userId, next);
  };

  return (
    <div className="saved-views" data-qa="saved-views">
      <Text color="secondary" className="saved-views__label">{v.label}:</Text>
      <ul className="saved-views__list">
        {views.map((view) => {
          const active = sameParams(new URLSearchParams(view.params), current);
          return (
            <li key={view.id} className="saved-views__item">
              <Button
                size="s" view={active ? 'outlined-action' : 'outlined'} selected={active} aria-pressed={active}
                onClick={() => onPick(new URLSearchParams(view.params))} qa={`view-${view.id}`}
              >
                {view.builtIn ? null : <Icon data={BookmarkFill} size={12} />}{view.name}
              </Button>
              {!view.builtIn && (
                <Button size="s" view="flat-secondary" onClick={() => remove(view.id)} title={v.remove(view.name)} aria-label={v.remove(view.name)}>
                  <Icon data={Xmark} size={12} />
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Button size="s" view="flat" onClick={() => { setName(''); setError(null); setNaming(true); }} qa="save-view">
        <Icon data={Plus} size={14} />{v.save}
      </Button>
      <FormDialog open={naming} title={v.saveTitle} submitText={t.common.save} submitting={false} error={null} onSubmit={save} onClose={() => setNaming(false)} qa="save-view-dialog">
        <TextField label={v.name} name="viewName" value={name} onUpdate={setName} placeholder={v.namePlaceholder} error={error} autoFocus />
      </FormDialog>
    </div>
  );
}
