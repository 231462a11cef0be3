// The session's services, for hooks. Screens never see them directly; they use the hooks.
import { createContext, useContext } from 'react';
import type { Services } from '../data/services.js';

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside a signed-in session');
  return services;
}
