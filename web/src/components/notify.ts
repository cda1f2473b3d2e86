// Short notices in the corner: a saved change, a failed action with the server's message.
import { useCallback } from 'react';
import { useToaster } from '@gravity-ui/uikit';
import { useI18n } from '../i18n';

let counter = 0;

export function useNotify() {
  const toaster = useToaster();
  const { errorText } = useI18n();
  const success = useCallback((title: string) => {
    toaster.add({ name: `ok-${++counter}`, title, theme: 'success', autoHiding: 4000 });
  }, [toaster]);
  const failure = useCallback((error: unknown) => {
    toaster.add({ name: `err-${++counter}`, title: errorText(error), theme: 'danger', autoHiding: 8000 });
  }, [toaster, errorText]);
  return { success, failure };
}
