import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CanActivate, ExecutionContext, Injectable, NestMiddleware, UnauthorizedException,
} from '@nestjs/common';
import { Pool, PoolClient } from 'pg';

interface TenantStore { tenantId?: string; client?: PoolClient }
export const tenantContext = new AsyncLocalStorage<TenantStore>();

// Middleware runs before any guard, so it only opens an empty context for the request.
@Injectable()
export class TenantContextMiddleware implements NestMiddleware {
  use(_req: unknown, _res: unknown, next: () => void) {
    tenantContext.run({}, next);
  }
}

// List it after the authentication guard: @UseGuards(JwtAuthGuard, TenantGuard).
@Injectable()
export class TenantGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ user?: { tenantId?: string } }>();
    const store = tenantContext.getStore();
    const tenantId = req.user?.tenantId; // from the verified token, never a raw header
    if (!store || !tenantId) throw new UnauthorizedException('no tenant on this request');
    store.tenantId = tenantId;
    return true;
  }
}

export async function withTenantTx<T>(
  pool: Pool,
  work: (db: PoolClient) => Promise<T>,
): Promise<T> {
  const store = tenantContext.getStore();
  if (!store?.tenantId) throw new Error('withTenantTx called outside a tenant context');
  if (store.client) return work(store.client); // nested: join the outer transaction

  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [store.tenantId]);
    const result = await tenantContext.run({ ...store, client }, () => work(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    client.release(broken); // true destroys the connection instead of pooling it
  }
}
