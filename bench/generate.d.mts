export function generateHaproxy(options?: { frontends?: number; backends?: number; serversPerBackend?: number }): string;
export function generateKeepalived(options?: { instances?: number; virtualServers?: number; realServers?: number }): string;
export function writeLargeConfigs(dir?: string): { haproxy: string; keepalived: string };
