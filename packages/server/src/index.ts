export { loadConfig, ConfigError, type Config } from './config.ts';
export { startServer, type RunningServer } from './start-server.ts';
export { buildServer, type App, type ServerDeps } from './app.ts';
export type { AdminService } from './admin/admin-service.ts';
export type { Tenant } from './tenants/tenant-service.ts';
export type { ValidationView } from './validations/validation-view.ts';
