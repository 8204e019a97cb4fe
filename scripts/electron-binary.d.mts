export function electronBinary(options?: { download?: boolean }): { path?: string; reason?: string };
