export function ensureBuild(): void;
/** Why the build under `root` (default: the working directory) is missing or older than its sources. */
export function staleBuildReason(root?: string): string | undefined;
