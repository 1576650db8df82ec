// Every domain module's route plugin, registered by build(). Add one line per module; keep it sorted.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.ts';
import { activityRoutes } from './activities/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { customFieldRoutes } from './custom-fields/routes.ts';
import { forecastRoutes } from './forecast/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { leadsModule } from './leads/module.ts';
import { opportunityRoutes } from './opportunities/routes.ts';
import { orderRoutes } from './orders/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { pipelineRoutes } from './pipelines/routes.ts';
import { productRoutes } from './products/routes.ts';
import { quoteRoutes } from './quotes/routes.ts';
import { serviceRoutes } from './service/routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { customer360Routes } from './customer360/routes.ts';
import { customerRelationRoutes } from './customers/relation-routes.ts';
import { customerRoutes } from './customers/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { sharingRoutes } from './sharing/routes.ts';
import { agentRoutes } from './agents/routes.ts';
import { dispositionRoutes, pauseCodeRoutes } from './agents/code-routes.ts';
import { callRoutes } from './calls/routes.ts';
import { campaignsModule } from './campaigns/module.ts';
import { dialerRoutes } from './dialer/routes.ts';
import { didRoutes } from './dids/routes.ts';
import { ivrRoutes } from './ivr/routes.ts';
import { queueRoutes } from './queues/routes.ts';
import { recordingRoutes } from './recordings/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { softphoneRoutes } from './softphone/routes.ts';
import { supervisionRoutes } from './supervision/routes.ts';
import { wallboardRoutes } from './wallboard/routes.ts';
import { voicemailRoutes } from './voicemail/routes.ts';

type RoutePlugin = (app: FastifyInstance, opts: { config: Config }) => Promise<void>;

export const moduleRoutes: RoutePlugin[] = [
  activityRoutes as RoutePlugin,
  authRoutes as RoutePlugin,
  customFieldRoutes as RoutePlugin,
  forecastRoutes as RoutePlugin,
  healthRoutes as RoutePlugin,
  leadsModule as RoutePlugin,
  opportunityRoutes as RoutePlugin,
  orderRoutes as RoutePlugin,
  paymentRoutes as RoutePlugin,
  pipelineRoutes as RoutePlugin,
  productRoutes as RoutePlugin,
  quoteRoutes as RoutePlugin,
  serviceRoutes as RoutePlugin,
  contactRoutes as RoutePlugin,
  customer360Routes as RoutePlugin,
  customerRelationRoutes as RoutePlugin,
  customerRoutes as RoutePlugin,
  searchRoutes as RoutePlugin,
  sharingRoutes as RoutePlugin,
  agentRoutes as RoutePlugin,
  dispositionRoutes as RoutePlugin,
  pauseCodeRoutes as RoutePlugin,
  callRoutes as RoutePlugin,
  campaignsModule as RoutePlugin,
  dialerRoutes as RoutePlugin,
  didRoutes as RoutePlugin,
  ivrRoutes as RoutePlugin,
  queueRoutes as RoutePlugin,
  recordingRoutes as RoutePlugin,
  reportRoutes as RoutePlugin,
  softphoneRoutes as RoutePlugin,
  supervisionRoutes as RoutePlugin,
  wallboardRoutes as RoutePlugin,
  voicemailRoutes as RoutePlugin,
];
