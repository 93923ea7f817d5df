import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

/**
 * GET /health: 200 with `status: "ok"` when the process is alive and the database answers within a
 * second; 503 with `status: "error"` (and the reason under `error.database`) when it does not. Load
 * balancers and the test harness wait on it.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1000 })]);
  }
}
