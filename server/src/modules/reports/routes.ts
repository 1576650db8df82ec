// Contact-centre reports (issue 6): GET /api/reports/:kind (JSON for the console's charts and tables)
// and GET /api/reports/:kind/export (CSV or XLSX of the same table).
// Who: supervisors (their scope: themselves, their subordinates, the teams they manage) and admins (all).
// Agents and sales reps are denied (403): their own handled calls are in the call log, and per-agent
// figures compared with colleagues are a management view.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.ts';
import { ReportExportQuery, ReportParams, ReportQuery } from '../../contracts/reports.ts';
import { scopeOf } from '../access/request-scope.ts';
import { access } from '../auth/guard.ts';
import { buildReport } from './build.ts';
import { reportFile } from './export-offload.ts';
import { filterOptions } from './facts-sql.ts';

const tags = ['reports'];
const managers = { access: access.roles('admin', 'supervisor') };

export const reportRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  // Registered before /:kind so 'filters' is not taken for a report kind.
  app.get('/api/reports/filters', { config: managers, schema: { tags } }, async (req) => filterOptions(app.db, await scopeOf(app, req)));

  app.get('/api/reports/:kind', { config: managers, schema: { tags, params: ReportParams, querystring: ReportQuery } }, async (req) =>
    buildReport(app.db, await scopeOf(app, req), req.params.kind, req.query, Date.now()),
  );

  app.get('/api/reports/:kind/export', { config: managers, schema: { tags, params: ReportParams, querystring: ReportExportQuery } }, async (req, reply) => {
    const { format, lang, ...q } = req.query;
    const report = await buildReport(app.db, await scopeOf(app, req), req.params.kind, q, Date.now());
    const name = `report-${req.params.kind}-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}`;
    // Written in a worker thread: a large XLSX is seconds of CPU (export-task.ts).
    const body = await reportFile({ report, lang, format });
    const type = format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="${name}.${format}"`).send(body);
  });
};
