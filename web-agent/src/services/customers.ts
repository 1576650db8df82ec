// Customer, contact, custom-field, saved-query and search API calls. Types come from the server contracts.
import { api } from './api.ts';
import type {
  ContactDto, Customer360, CustomerCreateBody, CustomerDto, CustomerUpdateBody, PhoneMatchDto, SavedQueryBody, TimelinePage,
} from '../../../server/src/contracts/customers.ts';
import type { CustomFieldCreateBody, CustomFieldDto, CustomFieldUpdateBody } from '../../../server/src/contracts/custom-fields.ts';
import type { SearchResult } from '../../../server/src/contracts/search.ts';


export type { ContactDto, CustomerDto, CustomFieldDto, Customer360, PhoneMatchDto, SearchResult, TimelinePage };

export interface CustomerFilters {
  name?: string;
  level?: string;
  industry?: string;
  view?: 'next7' | 'contacted7' | 'notContacted7' | '';
  sort?: string;
  page: number;
  pageSize: number;
}
export interface SavedQuery {
  id: string;
  entityType: string;
  name: string;
  filter: Record<string, unknown>;
}

export const customerQuery = (o: object) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== null).map(([k, v]) => [k, String(v)])).toString();
const patch = <T>(path: string, body: unknown) => api.request<T>(path, { method: 'PATCH', body });
const del = (path: string) => api.request<void>(path, { method: 'DELETE' });

export const customersApi = {
  list: (f: CustomerFilters) => api.get<{ items: CustomerDto[]; total: number }>(`/api/customers?${customerQuery(f)}`),
  exportUrl: (f: CustomerFilters) => `/api/customers/export.csv?${customerQuery({ ...f, page: undefined, pageSize: undefined })}`,
  get: (id: string) => api.get<CustomerDto>(`/api/customers/${id}`),
  create: (b: CustomerCreateBody) => api.post<CustomerDto>('/api/customers', b),
  update: (id: string, b: CustomerUpdateBody) => patch<CustomerDto>(`/api/customers/${id}`, b),
  view360: (id: string) => api.get<Customer360>(`/api/customers/${id}/360`),
  timeline: (id: string, cursor: string) => api.get<TimelinePage>(`/api/customers/${id}/timeline?${customerQuery({ cursor })}`),
  contacts: (id: string) => api.get<{ items: ContactDto[] }>(`/api/customers/${id}/contacts`),

  fields: (entityType: string, includeInactive = false) => api.get<{ items: CustomFieldDto[] }>(`/api/custom-fields?${customerQuery({ entityType, includeInactive: includeInactive || undefined })}`),
  createField: (b: CustomFieldCreateBody) => api.post<CustomFieldDto>('/api/custom-fields', b),
  updateField: (id: string, b: CustomFieldUpdateBody) => patch<CustomFieldDto>(`/api/custom-fields/${id}`, b),
  removeField: (id: string) => del(`/api/custom-fields/${id}`),

  savedQueries: (entityType: string) => api.get<{ items: SavedQuery[] }>(`/api/saved-queries?entityType=${entityType}`),
  saveQuery: (b: SavedQueryBody) => api.post<SavedQuery>('/api/saved-queries', b),
  removeQuery: (id: string) => del(`/api/saved-queries/${id}`),

  search: (q: string) => api.get<SearchResult>(`/api/search?${customerQuery({ q })}`),
  lookupPhone: (n: string) => api.get<{ e164: string; matches: PhoneMatchDto[] }>(`/api/phones/lookup?${customerQuery({ number: n })}`),
};
