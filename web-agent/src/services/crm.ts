// CRM sales/service API calls (pipelines, opportunities, forecast, activities, products, quotes, orders,
// payments, service requests). Types come from the server contracts.
import { api } from './api.ts';
import type {
  FunnelDto, ForecastDto, OpportunityCreateBody, OpportunityDto, OpportunityUpdateBody, PipelineDto, StageHistoryDto, StageUpdateBody,
} from '../../../server/src/contracts/opportunities.ts';
import type { ActivityCreateBody, ActivityItemDto, FollowUpDto } from '../../../server/src/contracts/activities.ts';
import type { OrderCreateBody, OrderDto, ProductCreateBody, ProductDto, QuoteCreateBody, QuoteDto, ReceivablesDto } from '../../../server/src/contracts/sales.ts';
import type { ServiceCreateBody, ServiceDetailDto, ServiceRequestDto } from '../../../server/src/contracts/service.ts';

export type {
  ActivityItemDto, FollowUpDto, ForecastDto, FunnelDto, OpportunityDto, OrderDto, PipelineDto, ProductDto, QuoteDto, ReceivablesDto,
  ServiceDetailDto, ServiceRequestDto, StageHistoryDto,
};

const qs = (o: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== null).map(([k, v]) => [k, String(v)])).toString();
const patch = <T>(path: string, body: unknown) => api.request<T>(path, { method: 'PATCH', body });
interface Page<T> {
  items: T[];
  total: number;
}
export interface DocSummary {
  id: string;
  number: string;
  title: string;
  customerId: string;
  status: string;
  currency: string;
  totalCents: number;
  paidCents?: number;
  createdAt: string;
}

export const crmApi = {
  pipelines: () => api.get<{ items: PipelineDto[] }>('/api/pipelines'),
  updateStage: (pipelineId: string, stageId: string, b: StageUpdateBody) => patch<PipelineDto>(`/api/pipelines/${pipelineId}/stages/${stageId}`, b),
  opportunities: (f: Record<string, unknown>) => api.get<Page<OpportunityDto>>(`/api/opportunities?${qs(f)}`),
  opportunity: (id: string) => api.get<{ opportunity: OpportunityDto; history: StageHistoryDto[] }>(`/api/opportunities/${id}`),
  createOpportunity: (b: OpportunityCreateBody) => api.post<OpportunityDto>('/api/opportunities', b),
  updateOpportunity: (id: string, b: OpportunityUpdateBody) => patch<OpportunityDto>(`/api/opportunities/${id}`, b),
  moveOpportunity: (id: string, stageId: string, version: number) => patch<OpportunityDto>(`/api/opportunities/${id}/stage`, { stageId, version }),
  forecast: (f: { period: string; groupBy: string; from?: string; to?: string }) => api.get<ForecastDto>(`/api/forecast?${qs(f)}`),
  funnel: (pipelineId?: string) => api.get<FunnelDto>(`/api/forecast/funnel?${qs({ pipelineId })}`),

  followUps: (dayStart: string) => api.get<FollowUpDto>(`/api/activities/follow-ups?${qs({ dayStart })}`),
  activities: (f: Record<string, unknown>) => api.get<Page<ActivityItemDto>>(`/api/activities?${qs(f)}`),
  createActivity: (b: ActivityCreateBody) => api.post<ActivityItemDto>('/api/activities', b),
  setDone: (id: string, done: boolean) => api.post<ActivityItemDto>(`/api/activities/${id}/${done ? 'done' : 'undone'}`),

  products: () => api.get<{ items: ProductDto[] }>('/api/products'),
  createProduct: (b: ProductCreateBody) => api.post<ProductDto>('/api/products', b),
  quotes: (f: Record<string, unknown>) => api.get<Page<DocSummary>>(`/api/quotes?${qs(f)}`),
  createQuote: (b: QuoteCreateBody) => api.post<QuoteDto>('/api/quotes', b),
  orders: (f: Record<string, unknown>) => api.get<Page<DocSummary>>(`/api/orders?${qs(f)}`),
  order: (id: string) => api.get<OrderDto>(`/api/orders/${id}`),
  createOrder: (b: OrderCreateBody) => api.post<OrderDto>('/api/orders', b),
  orderStatus: (id: string, status: string) => api.post<OrderDto>(`/api/orders/${id}/status`, { status }),
  addPayment: (id: string, b: { amountCents: number; receivedOn: string; method?: string }) => api.post<OrderDto>(`/api/orders/${id}/payments`, b),
  receivables: (customerId: string) => api.get<ReceivablesDto>(`/api/customers/${customerId}/receivables`),

  serviceRequests: (f: Record<string, unknown>) => api.get<Page<ServiceRequestDto>>(`/api/service-requests?${qs(f)}`),
  serviceRequest: (id: string) => api.get<ServiceDetailDto>(`/api/service-requests/${id}`),
  createServiceRequest: (b: ServiceCreateBody) => api.post<ServiceDetailDto>('/api/service-requests', b),
  serviceStatus: (id: string, status: string, note?: string) => api.post<ServiceDetailDto>(`/api/service-requests/${id}/status`, { status, note }),
  serviceFeedback: (id: string, score: number, comment?: string) => api.post<ServiceDetailDto>(`/api/service-requests/${id}/feedback`, { score, comment }),
};

/** 1234567 cents → "12,345.67"; money is integer cents end to end. */
export function formatCents(cents: number, locale = 'zh-CN'): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const s = `${Math.trunc(abs / 100).toLocaleString(locale)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
