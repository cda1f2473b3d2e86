// What a page reads from the API: the data, the error, whether a request is under way, and a reload.
// Only the answer to the latest request counts: when the page's parameters change, the page closes or
// the data is replaced by hand, a late answer to an earlier request is thrown away.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';

export interface ResourceOptions {
  /** Keep showing the previous data while the request for changed parameters is under way. */
  keep?: boolean;
  /** Wait this long after a change before asking (a search box being typed in). */
  delayMs?: number;
  /** Ask again this often while the tab is visible. */
  refreshMs?: number;
  /** Ask again when the window gets the focus back. */
  refreshOnFocus?: boolean;
}

export interface Resource<T> {
  data: T | null;
  /** The failure of the latest request, or null; pages show it with `errorText`. */
  error: unknown;
  loading: boolean;
  /** When the data shown was received (ms since epoch), 0 before the first answer. */
  receivedAt: number;
  /** Ask again with the same parameters; the data shown stays until the answer comes. */
  reload(): Promise<void>;
  /** Replace the data by what an action answered; a request under way is dropped. */
  set(data: T): void;
  /** Load a continuation (the next page) and merge it into the data. */
  more<P>(load: () => Promise<P>, merge: (current: T, next: P) => T): Promise<void>;
}

interface State<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  receivedAt: number;
}

/**
 * Loads `load()` whenever `deps` change; `load` may be null while there is nothing to ask yet.
 * Data comes back typed as the loader's answer; errors stay unknown for `errorText`.
 */
export function useResource<T>(load: (() => Promise<T>) | null, deps: DependencyList, options: ResourceOptions = {}): Resource<T> {
  const { keep = false, delayMs = 0, refreshMs = 0, refreshOnFocus = false } = options;
  const [state, setState] = useState<State<T>>(() => ({ data: null, error: null, loading: load !== null, receivedAt: 0 }));
  const latest = useRef(0);
  // reload() asks with the loader of the latest committed render.
  const loader = useRef(load);
  useLayoutEffect(() => { loader.current = load; });

  /** Runs one request; its answer is applied only if no later request or replacement came meanwhile. */
  const run = useCallback(async (task: () => Promise<(current: T | null) => T | null>) => {
    const ticket = ++latest.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    try {
      const apply = await task();
      if (ticket === latest.current) setState((s) => ({ data: apply(s.data), error: null, loading: false, receivedAt: Date.now() }));
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, []);

  const reload = useCallback(async () => {
    const current = loader.current;
    if (current) await run(async () => { const data = await current(); return () => data; });
  }, [run]);

  useEffect(() => {
    const current = loader.current;
    latest.current++;
    if (current === null) {
      if (!keep) setState((s) => (s.data === null && s.error === null && !s.loading ? s : { data: null, error: null, loading: false, receivedAt: 0 }));
      return undefined;
    }
    setState((s) => (keep ? { ...s, error: null, loading: true } : { data: null, error: null, loading: true, receivedAt: 0 }));
    if (delayMs <= 0) {
      void reload();
      return () => { latest.current++; };
    }
    const timer = setTimeout(() => void reload(), delayMs);
    return () => {
      clearTimeout(timer);
      latest.current++;
    };
    // The caller's parameters decide when to ask again, as for useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    if (refreshMs <= 0 && !refreshOnFocus) return undefined;
    const refresh = () => { if (document.visibilityState === 'visible') void reload(); };
    const timer = refreshMs > 0 ? setInterval(refresh, refreshMs) : undefined;
    if (refreshOnFocus) window.addEventListener('focus', refresh);
    return () => {
      if (timer) clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refreshMs, refreshOnFocus, reload]);

  const set = useCallback((data: T) => {
    latest.current++;
    setState({ data, error: null, loading: false, receivedAt: Date.now() });
  }, []);

  const more = useCallback(
    <P,>(next: () => Promise<P>, merge: (current: T, page: P) => T) =>
      run(async () => { const page = await next(); return (current) => (current === null ? current : merge(current, page)); }),
    [run],
  );

  return { ...state, reload, set, more };
}
