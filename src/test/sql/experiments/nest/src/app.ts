// A small NestJS app around the essay's tenant.ts (copied here verbatim), for "Why SET LOCAL, not
// SET". Not run by CI. Needs the essay's database (see ../pool/leak.js) with the raising policy.
//   npm install pg@8 typescript@5.9 @types/pg @types/node@20 @nestjs/common@10 @nestjs/core@10 \
//     @nestjs/platform-express@10 reflect-metadata rxjs
//   npx tsc -p . && node dist/app.js
import 'reflect-metadata';
import { CanActivate, Controller, ExecutionContext, Get, Injectable, MiddlewareConsumer, Module, NestModule, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { TenantContextMiddleware, TenantGuard, withTenantTx, tenantContext } from './tenant';

const pool = new Pool({ host: '127.0.0.1', port: 5432, database: 'setlocal', user: 'invoices_app', password: 'dev-only', max: 2 });

// Stands in for a JWT guard: it sets req.user after the middleware has run.
@Injectable()
class FakeAuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string>; user?: { tenantId?: string } }>();
    await new Promise((r) => setTimeout(r, 5)); // an async verification step
    const token = req.headers['x-test-token'];
    if (token) req.user = { tenantId: token };
    return true;
  }
}

@Controller()
class InvoicesController {
  @Get('invoices')
  @UseGuards(FakeAuthGuard, TenantGuard)
  async list() {
    await new Promise((r) => setTimeout(r, 10));
    return withTenantTx(pool, async (db) => {
      const outer = (await db.query('SELECT tenant_id FROM invoices')).rows.map((r) => Number(r.tenant_id));
      const nested = await withTenantTx(pool, async (db2) => (await db2.query("SELECT current_setting('app.tenant_id') t")).rows[0].t);
      return { tenant: tenantContext.getStore()?.tenantId, outer, nested };
    });
  }
  @Get('unauth')
  @UseGuards(TenantGuard)
  unauth() { return 'should not get here'; }
}

@Module({ controllers: [InvoicesController] })
class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) { consumer.apply(TenantContextMiddleware).forRoutes('*'); }
}

(async () => {
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(3111);
  const get = (path: string, token?: string) =>
    fetch('http://127.0.0.1:3111' + path, { headers: token ? { 'x-test-token': token } : {} }).then(async (r) => [r.status, await r.text()]);
  const results = await Promise.all(Array.from({ length: 200 }, (_, i) => get('/invoices', String((i % 2) + 1))));
  const bad = results.filter(([s, body], i) => { const b = JSON.parse(body as string); const t = (i % 2) + 1; return s !== 200 || b.tenant !== String(t) || b.outer.some((x: number) => x !== t) || b.nested !== String(t); });
  console.log('200 concurrent requests, wrong or failed:', bad.length, 'sample:', results[0], results[1]);
  console.log('no token:', await get('/invoices'));
  console.log('no auth guard:', await get('/unauth', '1'));
  const direct = await pool.query('SELECT count(*) FROM invoices').catch((e: Error) => e.message);
  console.log('stray pool.query:', direct);
  await app.close(); await pool.end();
})();
