/**
 * Turns an on-screen chart into a standalone SVG or PNG file. The chart's look comes from CSS
 * (custom properties, component styles), so the computed styles are written onto a copy of each
 * element before it leaves the page.
 */
const PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-weight', 'font-family', 'text-anchor', 'dominant-baseline'];

export function serialiseSvg(svg: SVGSVGElement): string {
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
	return new XMLSerializer().serializeToString(copy);
}

function save(blob: Blob, name: string) {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
	save(new Blob([serialiseSvg(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function downloadPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
	const text = serialiseSvg(svg);
	const box = svg.getBoundingClientRect();
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
