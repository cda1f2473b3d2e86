// The municipality a regional-centre user is looking at; later pages filter by it. Kept in the browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type Organization } from '../api';
import { useSession } from './session';

const STORAGE_KEY = 'otklik.municipality';

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
  const [municipalities, setMunicipalities] = useState<Organization[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(stored);

  useEffect(() => {
    if (!enabled) {
      setMunicipalities([]);
      return;
    }
    let cancelled = false;
    api.organizations.list({ kind: 'municipality' })
      .then(({ items }) => { if (!cancelled) setMunicipalities(items); })
      .catch(() => { if (!cancelled) setMunicipalities([]); });
    return () => { cancelled = true; };
  }, [enabled, session?.user.id]);

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
