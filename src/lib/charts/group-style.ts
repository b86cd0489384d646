import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolCross, symbolStar, symbolWye } from 'd3-shape';

/**
 * Each group gets a colour and a marker shape, so groups stay apart in print, for colour-blind
 * readers and on washed-out projectors. Colours avoid the three level colours of the bands.
 */
const COLOURS = ['#17324d', '#8e3a9d', '#00796b', '#6d5d00', '#c2185b', '#455a64', '#4e342e', '#1565c0'];
const SHAPES = [symbolCircle, symbolSquare, symbolDiamond, symbolTriangle, symbolStar, symbolCross, symbolWye, symbolCircle];

export type GroupStyle = { colour: string; path: (size: number) => string };

export function groupStyle(index: number): GroupStyle {
	const shape = SHAPES[index % SHAPES.length]!;
	return {
		colour: COLOURS[index % COLOURS.length]!,
		path: (size: number) => symbol(shape, size)() ?? ''
	};
}
