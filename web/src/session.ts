/** The signed-in session and the API bound to it, for every page. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api, Session } from './api.js';

export interface SessionValue {
  readonly session: Session;
  readonly api: Api;
  readonly canEdit: boolean;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in app');
  return value;
}
