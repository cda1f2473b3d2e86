// The municipality a regional-centre user is looking at; later pages filter by it. Kept in the browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, type Organization } from '../api';
import { useSession } from './session';
import { useResource } from './useResource';

const STORAGE_KEY = 'otklik.municipality';
const NONE: Organization[] = [];

interface MunicipalityValue {
  /** Whether the user chooses a municipality at all (regional-centre users only). */
  enabled: boolean;
  municipalities: Organization[];
  /** Chosen municipality id; null means every municipality. */
  selectedId: string | null;
  selected: Organization | null;
  select(id: string | null): void;
}

const MunicipalityContext = createContext<MunicipalityValue | null>(null);

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

export function MunicipalityProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const enabled = session?.user.organization.kind === 'regional_center';
  const [selectedId, setSelectedId] = useState<string | null>(stored);

  // Only the regional centre chooses; a failed list offers no choice.
  const list = useResource(enabled ? () => api.organizations.list({ kind: 'municipality' }).then(({ items }) => items) : null, [enabled, session?.user.id]);
  const municipalities = useMemo(() => (list.error ? NONE : list.data ?? NONE), [list.data, list.error]);

  const select = useCallback((id: string | null) => {
    try {
      if (id) localStorage.setItem(STORAGE_KEY, id);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private mode: the choice lasts until the page is closed.
    }
    setSelectedId(id);
  }, []);

  const value = useMemo<MunicipalityValue>(() => {
    const selected = enabled ? municipalities.find((m) => m.id === selectedId) ?? null : null;
    return { enabled, municipalities, selectedId: selected?.id ?? null, selected, select };
  }, [enabled, municipalities, selectedId, select]);

  return <MunicipalityContext.Provider value={value}>{children}</MunicipalityContext.Provider>;
}

export function useMunicipality(): MunicipalityValue {
  const value = useContext(MunicipalityContext);
  if (!value) throw new Error('useMunicipality outside MunicipalityProvider');
  return value;
}
