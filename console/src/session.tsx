import { createContext, useContext } from 'react';

export interface Viewer {
  userId: string;
  name: string | null;
  email: string | null;
  roles: string[];
  organization: { id: string; name: string } | null;
}

export const SessionContext = createContext<{ viewer: Viewer; signOut: () => void } | null>(null);

export function useViewer(): Viewer {
  return useContext(SessionContext)!.viewer;
}

export const hasRole = (viewer: Viewer, ...roles: string[]) => viewer.roles.some((r) => roles.includes(r));
