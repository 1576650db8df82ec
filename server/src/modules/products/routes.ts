import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Config } from '../../config/index.ts';
import { ErrorBody } from '../../contracts/errors.ts';
import { ProductCreateBody, ProductDto, ProductUpdateBody } from '../../contracts/sales.ts';
import { products } from '../../db/schema/sales.ts';
import { AppError } from '../../errors/catalog.ts';
import { writeAudit } from '../audit/service.ts';
import { access } from '../auth/guard.ts';
import { bpToPct, pctToBp } from '../orders/totals.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['products'];
const manage = { access: access.roles('admin', 'supervisor') };

type ProductRow = typeof products.$inferSelect;
const toDto = (p: ProductRow): ProductDto => ({
  id: p.id, code: p.code, name: p.name, unit: p.unit, priceCents: p.priceCents, taxRatePct: bpToPct(p.taxRateBp), active: p.active, description: p.description,
});

function isUniqueViolation(e: unknown): boolean {
  const c = (e as { code?: string; cause?: { code?: string } }) ?? {};
  return c.code === '23505' || c.cause?.code === '23505';
}
const duplicateCode = () => new AppError('RS_VALIDATION', undefined, [{ path: 'code', message: 'is already used by another product' }]);

/** Product catalogue (S1): everyone picks products on quotes and orders; managers maintain it. */
export const productRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app) => {
  app.get('/api/products', { config: { access: access.anyUser }, schema: { tags, querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ProductDto) }) } } }, async (req) => {
    const where: SQL[] = [];
    if (req.query.active !== undefined) where.push(eq(products.active, req.query.active));
    if (req.query.q) where.push(or(ilike(products.name, `%${req.query.q}%`), ilike(products.code, `%${req.query.q}%`))!);
    const rows = await app.db.select().from(products).where(and(...where)).orderBy(asc(products.code)).limit(1000);
    return { items: rows.map(toDto) };
  });

  app.get('/api/products/:id', { config: { access: access.anyUser }, schema: { tags, params: IdParams, response: { 200: ProductDto, ...errors } } }, async (req) => {
    const [p] = await app.db.select().from(products).where(eq(products.id, req.params.id));
    if (!p) throw new AppError('RS_NOT_FOUND');
    return toDto(p);
  });

  app.post('/api/products', { config: manage, schema: { tags, body: ProductCreateBody, response: { 201: ProductDto, ...errors } } }, async (req, reply) => {
    const { taxRatePct, ...b } = req.body;
    try {
      const row = await app.db.transaction(async (tx) => {
        const [p] = await tx.insert(products).values({ ...b, taxRateBp: pctToBp(taxRatePct) }).returning();
        await writeAudit(tx, { actorUserId: req.user!.id, action: 'product.create', entityType: 'product', entityId: p!.id, details: { code: p!.code }, ip: req.ip });
        return p!;
      });
      return reply.status(201).send(toDto(row));
    } catch (e) {
      throw isUniqueViolation(e) ? duplicateCode() : e;
    }
  });

  app.patch('/api/products/:id', { config: manage, schema: { tags, params: IdParams, body: ProductUpdateBody, response: { 200: ProductDto, ...errors } } }, async (req) => {
    const { taxRatePct, ...b } = req.body;
    try {
      return toDto(
        await app.db.transaction(async (tx) => {
          const [p] = await tx.update(products).set({ ...b, ...(taxRatePct !== undefined ? { taxRateBp: pctToBp(taxRatePct) } : {}), updatedAt: new Date() }).where(eq(products.id, req.params.id)).returning();
          if (!p) throw new AppError('RS_NOT_FOUND');
          await writeAudit(tx, { actorUserId: req.user!.id, action: 'product.update', entityType: 'product', entityId: p.id, details: { fields: Object.keys(req.body) }, ip: req.ip });
          return p;
        }),
      );
    } catch (e) {
      throw isUniqueViolation(e) ? duplicateCode() : e;
    }
  });
};
