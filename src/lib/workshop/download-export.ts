/**
 * Downloads one of a workshop's exports. A signed-in facilitator's cookie goes along by itself; a
 * facilitator key kept in this browser (never in a URL) goes in the `Authorization` header. The file
 * is handed to the browser as a download under the server's file name.
 */
export async function downloadExport(code: string, token: string | undefined, path: string): Promise<boolean> {
	const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
	const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/${path}`, { headers }).catch(() => undefined);
	if (!res?.ok) return false;
	const disposition = res.headers.get('content-disposition') ?? '';
	const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? path.replaceAll('/', '-');
	const a = document.createElement('a');
	a.href = URL.createObjectURL(await res.blob());
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
	return true;
}
