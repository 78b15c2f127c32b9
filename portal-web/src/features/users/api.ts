import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Role } from '../../api/types';

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => request<{ roles: Role[] }>('/portal/v1/roles').then((r) => r.roles) });
}
