// The reviewed access policy: who may call each /api route. The matrix test compares it with what the
// server declares and enforces; a route missing here fails the test, so every new route gets reviewed.
// Role checks only: data ownership (own / team / shared / other) is asserted in scoped-records.test.ts
// and in each module's tests.
import type { RoleName } from '../../../server/src/db/schema/users.ts';

export type Who = 'public' | 'any' | readonly RoleName[];

const ADMIN = ['admin'] as const;
/** Configure sales (pipelines, products, web forms), assign records. */
const MANAGERS = ['admin', 'supervisor'] as const;
/** Opportunities, quotes, orders, forecast, lead import and conversion: agents do not sell. */
const SELLERS = ['admin', 'sales', 'supervisor'] as const;
/** Queue work: sign in, ready, pause. */
const PHONE_AGENTS = ['agent', 'supervisor'] as const;
/** Anyone with a softphone: agents, supervisors, and sales reps placing click-to-dial calls. */
const ON_CALL = ['agent', 'sales', 'supervisor'] as const;
/** Read contact-center settings (dispositions, pause codes). */
const CONTACT_CENTER = ['admin', 'agent', 'supervisor'] as const;

export const POLICY: Record<string, Who> = {
  // activities
  'GET /api/activities': 'any',
  'GET /api/activities/follow-ups': 'any',
  'POST /api/activities': 'any',
  'GET /api/activities/:id': 'any',
  'PATCH /api/activities/:id': 'any',
  'POST /api/activities/:id/done': 'any',
  'POST /api/activities/:id/undone': 'any',
  // auth
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'any',
  // custom-fields
  'GET /api/custom-fields': 'any',
  'POST /api/custom-fields': ADMIN,
  'PATCH /api/custom-fields/:id': ADMIN,
  'DELETE /api/custom-fields/:id': ADMIN,
  // forecast
  'GET /api/forecast': SELLERS,
  'GET /api/forecast/funnel': SELLERS,
  // health
  'GET /api/health': 'public',
  // leads
  'GET /api/leads': 'any',
  'POST /api/leads': 'any',
  'GET /api/leads/:id': 'any',
  'PATCH /api/leads/:id': 'any',
  'POST /api/leads/:id/assign': MANAGERS,
  'GET /api/leads/:id/activities': 'any',
  'POST /api/leads/imports': SELLERS,
  'POST /api/leads/imports/:id/commit': SELLERS,
  'GET /api/leads/imports/:id': SELLERS,
  'GET /api/leads/imports/:id/issues': SELLERS,
  'GET /api/leads/imports/:id/issues.csv': SELLERS,
  'GET /api/leads/webforms': MANAGERS,
  'POST /api/leads/webforms': MANAGERS,
  'PUT /api/leads/webforms/:id': MANAGERS,
  'GET /api/leads/webforms/:id/snippet': MANAGERS,
  'POST /api/leads/:id/convert': SELLERS,
  'GET /api/leads/conversion-mapping': ADMIN,
  'PUT /api/leads/conversion-mapping': ADMIN,
  // public
  'OPTIONS /api/public/webforms/:id/submit': 'public',
  'POST /api/public/webforms/:id/submit': 'public',
  // opportunities
  'GET /api/opportunities': SELLERS,
  'POST /api/opportunities': SELLERS,
  'GET /api/opportunities/:id': SELLERS,
  'PATCH /api/opportunities/:id': SELLERS,
  'PATCH /api/opportunities/:id/stage': SELLERS,
  // orders
  'GET /api/orders': SELLERS,
  'POST /api/orders': SELLERS,
  'GET /api/orders/:id': SELLERS,
  'PATCH /api/orders/:id': SELLERS,
  'POST /api/orders/:id/status': SELLERS,
  'PUT /api/orders/:id/installments': SELLERS,
  'POST /api/orders/:id/payments': SELLERS,
  // customers
  'GET /api/customers/:id/receivables': SELLERS,
  'GET /api/customers/:id/contacts': 'any',
  'POST /api/customers/:id/contacts': 'any',
  'GET /api/customers/:id/360': 'any',
  'GET /api/customers/:id/timeline': 'any',
  'GET /api/customers/:id/relations': 'any',
  'POST /api/customers/:id/relations': 'any',
  'DELETE /api/customers/:id/relations/:relationId': 'any',
  'GET /api/customers': 'any',
  'GET /api/customers/export.csv': 'any',
  'POST /api/customers': 'any',
  'GET /api/customers/:id': 'any',
  'PATCH /api/customers/:id': 'any',
  'DELETE /api/customers/:id': SELLERS,
  'GET /api/customers/:id/shares': 'any',
  'POST /api/customers/:id/shares': 'any',
  'DELETE /api/customers/:id/shares/:shareId': 'any',
  'POST /api/customers/:id/transfer': 'any',
  // pipelines
  'GET /api/pipelines': 'any',
  'POST /api/pipelines': MANAGERS,
  'PATCH /api/pipelines/:id': MANAGERS,
  'POST /api/pipelines/:id/stages': MANAGERS,
  'PATCH /api/pipelines/:id/stages/:stageId': MANAGERS,
  // products
  'GET /api/products': 'any',
  'GET /api/products/:id': 'any',
  'POST /api/products': MANAGERS,
  'PATCH /api/products/:id': MANAGERS,
  // quotes
  'GET /api/quotes': SELLERS,
  'POST /api/quotes': SELLERS,
  'GET /api/quotes/:id': SELLERS,
  'PATCH /api/quotes/:id': SELLERS,
  // service-requests
  'GET /api/service-requests': 'any',
  'POST /api/service-requests': 'any',
  'GET /api/service-requests/:id': 'any',
  'PATCH /api/service-requests/:id': 'any',
  'POST /api/service-requests/:id/status': 'any',
  'POST /api/service-requests/:id/assign': MANAGERS,
  'POST /api/service-requests/:id/dispatches': 'any',
  'POST /api/service-requests/:id/feedback': 'any',
  // contacts
  'GET /api/contacts/:id': 'any',
  'PATCH /api/contacts/:id': 'any',
  'DELETE /api/contacts/:id': SELLERS,
  // saved-queries
  'GET /api/saved-queries': 'any',
  'POST /api/saved-queries': 'any',
  'PATCH /api/saved-queries/:id': 'any',
  'DELETE /api/saved-queries/:id': 'any',
  // phones
  'GET /api/phones/lookup': 'any',
  // search
  'GET /api/search': 'any',
  // agent
  'GET /api/agent/state': PHONE_AGENTS,
  'POST /api/agent/sign-in': PHONE_AGENTS,
  'POST /api/agent/sign-out': PHONE_AGENTS,
  'POST /api/agent/ready': PHONE_AGENTS,
  'POST /api/agent/pause': PHONE_AGENTS,
  'GET /api/agent/pause-codes': CONTACT_CENTER,
  // agents
  'GET /api/agents': MANAGERS,
  'PUT /api/agents/:id/profile': ADMIN,
  // dispositions
  'GET /api/dispositions': CONTACT_CENTER,
  'POST /api/dispositions': ADMIN,
  'PATCH /api/dispositions/:code': ADMIN,
  'DELETE /api/dispositions/:code': ADMIN,
  // pause-codes
  'GET /api/pause-codes': MANAGERS,
  'POST /api/pause-codes': ADMIN,
  'PATCH /api/pause-codes/:code': ADMIN,
  'DELETE /api/pause-codes/:code': ADMIN,
  // campaigns (supervisors: their teams' campaigns, checked in the routes; agents: mine + dispositions of records they handled)
  'GET /api/campaigns': MANAGERS,
  'POST /api/campaigns': MANAGERS,
  'GET /api/campaigns/mine': 'any',
  'GET /api/campaigns/live': MANAGERS,
  'GET /api/campaigns/:id': MANAGERS,
  'PUT /api/campaigns/:id': MANAGERS,
  'POST /api/campaigns/:id/start': MANAGERS,
  'POST /api/campaigns/:id/pause': MANAGERS,
  'POST /api/campaigns/:id/stop': MANAGERS,
  'GET /api/campaigns/:id/records': MANAGERS,
  'GET /api/campaigns/:id/progress': MANAGERS,
  'GET /api/campaigns/:id/dispositions': MANAGERS,
  'PUT /api/campaigns/:id/dispositions': MANAGERS,
  'POST /api/campaign-records/:id/disposition': 'any',
  'POST /api/campaigns/:id/imports': MANAGERS,
  'POST /api/campaigns/:id/imports/:batchId/commit': MANAGERS,
  'GET /api/campaigns/:id/imports/:batchId': MANAGERS,
  'GET /api/campaigns/:id/imports/:batchId/issues': MANAGERS,
  'POST /api/campaigns/:id/records/from-query': MANAGERS,
  'GET /api/dnc': MANAGERS,
  'POST /api/dnc': ADMIN,
  'DELETE /api/dnc/:phone': ADMIN,
  'GET /api/campaigns/:id/dnc': MANAGERS,
  'POST /api/campaigns/:id/dnc': MANAGERS,
  'DELETE /api/campaigns/:id/dnc/:phone': MANAGERS,
  // calls
  'POST /api/calls/:id/hold': ON_CALL,
  'POST /api/calls/:id/retrieve': ON_CALL,
  'POST /api/calls/:id/hangup': ON_CALL,
  'POST /api/calls/:id/transfer/complete': ON_CALL,
  'POST /api/calls/:id/transfer/cancel': ON_CALL,
  'POST /api/calls/:id/conference': ON_CALL,
  'POST /api/calls/:id/transfer': ON_CALL,
  'POST /api/calls/:id/wrap-up': ON_CALL,
  'POST /api/calls/dial': ON_CALL,
  'GET /api/calls': 'any',
  'GET /api/calls/:id': 'any',
  // dialer preview mode (the agent's own claimed record; campaign membership checked in the route)
  'GET /api/campaigns/:id/preview/next': ['agent', 'sales'],
  'POST /api/campaign-records/:id/dial': ['agent', 'sales'],
  'POST /api/campaign-records/:id/skip': ['agent', 'sales'],
  // dids
  'GET /api/dids': MANAGERS,
  'POST /api/dids': ADMIN,
  'PUT /api/dids/:id': ADMIN,
  'DELETE /api/dids/:id': ADMIN,
  // ivr-menus
  'GET /api/ivr-menus': MANAGERS,
  'POST /api/ivr-menus': ADMIN,
  'PUT /api/ivr-menus/:id': ADMIN,
  'DELETE /api/ivr-menus/:id': ADMIN,
  // queues
  'GET /api/queues': MANAGERS,
  'GET /api/queues/:id': MANAGERS,
  'POST /api/queues': ADMIN,
  'PATCH /api/queues/:id': ADMIN,
  'DELETE /api/queues/:id': ADMIN,
  // recordings
  'GET /api/recordings': 'any',
  'GET /api/recordings/retention': ADMIN,
  'PUT /api/recordings/retention': ADMIN,
  'GET /api/recordings/:id': 'any',
  'GET /api/recordings/:id/waveform': 'any',
  'GET /api/calls/:id/recording': ON_CALL,
  'POST /api/calls/:id/recording/pause': ON_CALL,
  'POST /api/calls/:id/recording/resume': ON_CALL,
  // reports (agents and sales denied: a management view)
  'GET /api/reports/filters': MANAGERS,
  'GET /api/reports/:kind': MANAGERS,
  'GET /api/reports/:kind/export': MANAGERS,
  // softphone
  'GET /api/softphone/config': ON_CALL,
  // supervision (data scope: a supervisor's teams' and subordinates' calls; admins all)
  'GET /api/supervision/calls': MANAGERS,
  'POST /api/supervision/calls/:callId/monitor': MANAGERS,
  'DELETE /api/supervision/calls/:callId/monitor': MANAGERS,
  'POST /api/supervision/calls/:callId/hangup': MANAGERS,
  'POST /api/supervision/calls/:callId/takeover': MANAGERS,
  'GET /api/supervision/settings': MANAGERS,
  'PUT /api/supervision/settings': ADMIN,
  // wallboard (data scope: a supervisor's teams' agents and the queues they serve; admins all)
  'GET /api/wallboard': MANAGERS,
  // voicemail (data scope: own mailbox, member queues; supervisors every queue; admins all)
  'GET /api/voicemails': 'any',
  'GET /api/voicemails/:id': 'any',
  'POST /api/voicemails/:id/heard': 'any',
  'GET /api/voicemails/:id/audio': 'any',
};
