export const BUDGET_KB: number;
export function measureSizes(): Promise<Record<string, { files: number; rawKB: number; gzipKB: number; budgetKB: number }>>;
