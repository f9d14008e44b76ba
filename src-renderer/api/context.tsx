import { createContext, useContext } from 'react';
import type { RbApi } from './types';

export const ApiContext = createContext<RbApi | null>(null);
export function useApi(): RbApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
