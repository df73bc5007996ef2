import type { AgentChannel } from './agent-channel.ts';

/** The sync-client channels ready on this server instance, by tenant (local presence). */
export class ConnectedAgents {
  readonly #byTenant = new Map<string, AgentChannel[]>();

  add(channel: AgentChannel): void {
    const list = this.#byTenant.get(channel.tenantId) ?? [];
    this.#byTenant.set(channel.tenantId, [...list, channel]);
  }

  remove(channel: AgentChannel): void {
    const list = (this.#byTenant.get(channel.tenantId) ?? []).filter((c) => c !== channel);
    if (list.length === 0) this.#byTenant.delete(channel.tenantId);
    else this.#byTenant.set(channel.tenantId, list);
  }

  /** The tenant's channels, oldest connection first. */
  forTenant(tenantId: string): readonly AgentChannel[] {
    return this.#byTenant.get(tenantId) ?? [];
  }

  isConnected(tenantId: string): boolean {
    return this.forTenant(tenantId).length > 0;
  }

  /** Tenants with at least one channel here. */
  tenants(): string[] {
    return [...this.#byTenant.keys()];
  }
}
