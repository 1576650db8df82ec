// Every domain module's route plugin, registered by build(). Add one line per module; keep it sorted.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.ts';
import { authRoutes } from './auth/routes.ts';
import { customFieldRoutes } from './custom-fields/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { leadsModule } from './leads/module.ts';

type RoutePlugin = (app: FastifyInstance, opts: { config: Config }) => Promise<void>;

export const moduleRoutes: RoutePlugin[] = [
  authRoutes as RoutePlugin,
  customFieldRoutes as RoutePlugin,
  healthRoutes as RoutePlugin,
  leadsModule as RoutePlugin,
];
