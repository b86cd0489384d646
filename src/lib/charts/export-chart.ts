/**
 * Turns an on-screen chart into a standalone SVG or PNG file. The chart's look comes from CSS
 * (custom properties, component styles), so the computed styles are written onto a copy of each
 * element before it leaves the page. A downloaded chart travels alone (into slides, mails,
 * documents), so it is framed with what makes it readable there: its title and legend above, the
 * workshop's name and the date below.
 */
export type ChartFrame = {
	title: string;
	/** Group markers (colour and symbol path) or level swatches (colour only). */
	legend?: { label: string; colour: string; path?: string }[];
	workshop?: string;
	date: string;
};

let workshopName: string | undefined;
/** The workshop whose charts this page shows, for the frame of every chart downloaded from it. */
export function setChartWorkshop(name: string | undefined): void {
	workshopName = name;
}

/**
 * The frame of a chart as the page shows it: the heading of its section, the group legend beside
 * it (`.legend` items with their marker), the workshop set with `setChartWorkshop`, today's date.
 */
export function frameFromPage(svg: SVGSVGElement): ChartFrame {
	const section = svg.closest('section');
	const title = section?.querySelector('h2, h3')?.textContent?.trim() ?? '';
	const legend = [...(section?.querySelectorAll('.legend li') ?? [])].map((li) => {
		const path = li.querySelector('path');
		return { label: li.textContent?.trim() ?? '', colour: path?.getAttribute('fill') ?? '#475569', path: path?.getAttribute('d') ?? undefined };
	});
	return { title, legend, workshop: workshopName, date: new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: 'long' }) };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
	const e = document.createElementNS(SVG_NS, name) as SVGElement;
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
	// textContent, never markup: titles and labels come from people in the room.
	if (text !== undefined) e.textContent = text;
	return e;
}

/** Puts a serialised chart inside a larger SVG with title and legend above, workshop and date below. */
function framed(chart: SVGSVGElement, width: number, height: number, frame: ChartFrame): SVGSVGElement {
	const pad = 24;
	const legendRows = frame.legend?.length ? 1 : 0;
	const top = pad + 28 + legendRows * 26 + 8;
	const outer = el('svg', { xmlns: SVG_NS, width: width + 2 * pad, height: top + height + 40, viewBox: `0 0 ${width + 2 * pad} ${top + height + 40}` }) as SVGSVGElement;
	const font = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
	outer.append(el('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
	outer.append(el('text', { x: pad, y: pad + 20, style: `${font};font-size:20px;font-weight:700;fill:#102033` }, frame.title));
	let x = pad;
	for (const item of frame.legend ?? []) {
		const y = pad + 28 + 17;
		if (item.path) outer.append(el('path', { d: item.path, transform: `translate(${x + 8},${y - 5})`, fill: item.colour }));
		else outer.append(el('rect', { x, y: y - 12, width: 14, height: 14, rx: 2, fill: item.colour }));
		const label = el('text', { x: x + 20, y, style: `${font};font-size:14px;font-weight:600;fill:#102033` }, item.label);
		outer.append(label);
		x += 20 + item.label.length * 8 + 24;
	}
	chart.setAttribute('x', String(pad));
	chart.setAttribute('y', String(top));
	outer.append(chart);
	const foot = [frame.workshop, frame.date].filter(Boolean).join(' · ');
	outer.append(el('text', { x: pad, y: top + height + 26, style: `${font};font-size:12px;fill:#475569` }, foot));
	outer.append(el('text', { x: width + pad, y: top + height + 26, 'text-anchor': 'end', style: `${font};font-size:12px;fill:#475569` }, 'Standort'));
	return outer;
}

const PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'dominant-baseline'];

/** The chart as a standalone SVG document; with a frame, inside its title, legend and source line. */
export const serialiseSvg = (svg: SVGSVGElement, frame?: ChartFrame): string => render(svg, frame).text;

function render(svg: SVGSVGElement, frame?: ChartFrame): { text: string; width: number; height: number } {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const source = [svg, ...svg.querySelectorAll('*')];
	const target = [copy, ...copy.querySelectorAll('*')];
	source.forEach((el, i) => {
		const style = getComputedStyle(el);
		const out = target[i] as SVGElement;
		out.setAttribute('style', PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
		out.removeAttribute('class');
	});
	const box = svg.getBoundingClientRect();
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', String(Math.round(box.width)));
	copy.setAttribute('height', String(Math.round(box.height)));
	copy.removeAttribute('aria-hidden');
	// A white ground, so the file reads the same in any viewer.
	const ground = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	ground.setAttribute('width', '100%');
	ground.setAttribute('height', '100%');
	ground.setAttribute('fill', '#ffffff');
	copy.insertBefore(ground, copy.firstChild);
	const file = frame ? framed(copy, Math.round(box.width), Math.round(box.height), frame) : copy;
	return { text: new XMLSerializer().serializeToString(file), width: Number(file.getAttribute('width')), height: Number(file.getAttribute('height')) };
}

function save(blob: Blob, name: string) {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadSvg(svg: SVGSVGElement, name: string, frame: ChartFrame = frameFromPage(svg)): void {
	save(new Blob([serialiseSvg(svg, frame)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function downloadPng(svg: SVGSVGElement, name: string, scale = 2, frame: ChartFrame = frameFromPage(svg)): Promise<void> {
	const { text, ...box } = render(svg, frame);
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(box.width * scale);
	canvas.height = Math.round(box.height * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) return;
	ctx.scale(scale, scale);
	ctx.drawImage(image, 0, 0);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (blob) save(blob, `${name}.png`);
}
