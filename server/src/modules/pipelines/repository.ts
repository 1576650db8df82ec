import { and, asc, eq, sql } from 'drizzle-orm';
import type { PipelineDto, StageDto } from '../../contracts/opportunities.ts';
import type { DbOrTx } from '../../db/client.ts';
import { pipelineStages, pipelines } from '../../db/schema/opportunities.ts';

export type StageRow = typeof pipelineStages.$inferSelect;

/** Used when no pipeline exists yet: a common B2B funnel; the sales manager edits names and rates. */
export const DEFAULT_STAGES: { name: string; winRate: number; kind: 'open' | 'won' | 'lost' }[] = [
  { name: '初步接洽', winRate: 10, kind: 'open' },
  { name: '需求确认', winRate: 30, kind: 'open' },
  { name: '方案报价', winRate: 50, kind: 'open' },
  { name: '谈判审核', winRate: 80, kind: 'open' },
  { name: '赢单', winRate: 100, kind: 'won' },
  { name: '输单', winRate: 0, kind: 'lost' },
];

const toStage = (s: StageRow): StageDto => ({ id: s.id, pipelineId: s.pipelineId, name: s.name, position: s.position, winRate: s.winRate, kind: s.kind });

/** Creates the default pipeline once; the advisory lock makes concurrent first calls create one. */
export async function ensureDefaultPipeline(db: DbOrTx): Promise<void> {
  const [any] = await db.select({ id: pipelines.id }).from(pipelines).limit(1);
  if (any) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ringside.default-pipeline'))`);
    const [again] = await tx.select({ id: pipelines.id }).from(pipelines).limit(1);
    if (again) return;
    const [p] = await tx.insert(pipelines).values({ name: '默认销售流程', isDefault: true }).returning();
    await tx.insert(pipelineStages).values(DEFAULT_STAGES.map((s, i) => ({ ...s, pipelineId: p!.id, position: i })));
  });
}

export async function listPipelines(db: DbOrTx): Promise<PipelineDto[]> {
  await ensureDefaultPipeline(db);
  const ps = await db.select().from(pipelines).orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.createdAt));
  const stages = await db.select().from(pipelineStages).orderBy(asc(pipelineStages.position), asc(pipelineStages.createdAt));
  return ps.map((p) => ({ id: p.id, name: p.name, isDefault: p.isDefault, active: p.active, stages: stages.filter((s) => s.pipelineId === p.id).map(toStage) }));
}

export async function getPipeline(db: DbOrTx, id: string): Promise<PipelineDto | undefined> {
  return (await listPipelines(db)).find((p) => p.id === id);
}

export async function defaultPipelineId(db: DbOrTx): Promise<string> {
  const all = await listPipelines(db);
  return (all.find((p) => p.isDefault && p.active) ?? all[0]!).id;
}

export async function findStage(db: DbOrTx, id: string): Promise<StageRow | undefined> {
  const [s] = await db.select().from(pipelineStages).where(eq(pipelineStages.id, id));
  return s;
}

/** The first open stage by position: where a new opportunity starts when no stage is given. */
export async function firstStage(db: DbOrTx, pipelineId: string): Promise<StageRow | undefined> {
  const [s] = await db.select().from(pipelineStages).where(and(eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.kind, 'open'))).orderBy(asc(pipelineStages.position)).limit(1);
  return s;
}
