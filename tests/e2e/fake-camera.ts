import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** A grayscale picture, one byte a pixel. */
export interface Gray {
	width: number;
	height: number;
	pixels: Uint8Array;
}

/**
 * Decodes a PNG as Playwright's screenshots write it (8-bit RGB or RGBA, not interlaced) to gray:
 * the QR images of the student pages become camera frames from their own pixels.
 */
export function pngToGray(png: Buffer): Gray {
	if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
	let at = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const data: Buffer[] = [];
	while (at < png.length) {
		const length = png.readUInt32BE(at);
		const type = png.toString('ascii', at + 4, at + 8);
		const body = png.subarray(at + 8, at + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const [depth, color, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
			if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6))
				throw new Error(`PNG kind not handled: depth ${depth}, color ${color}`);
			channels = color === 6 ? 4 : 3;
		} else if (type === 'IDAT') data.push(body);
		at += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const rows = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const v = raw[y * (stride + 1) + 1 + x] ?? 0;
			const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
			const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
			const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
			let predicted = 0;
			if (filter === 1) predicted = left;
			else if (filter === 2) predicted = up;
			else if (filter === 3) predicted = (left + up) >> 1;
			else if (filter === 4) {
				const p = left + up - upLeft;
				const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
				predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
			}
			rows[y * stride + x] = (v + predicted) & 0xff;
		}
	}
	const pixels = new Uint8Array(width * height);
	for (let i = 0; i < width * height; i++) {
		const [r, g, b] = [
			rows[i * channels] ?? 0,
			rows[i * channels + 1] ?? 0,
			rows[i * channels + 2] ?? 0
		];
		pixels[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
	}
	return { width, height, pixels };
}

/** A QR matrix (uqr's `data`) drawn as a picture, `scale` pixels a module. */
export function matrixToGray(matrix: boolean[][], scale: number): Gray {
	const size = matrix.length * scale;
	const pixels = new Uint8Array(size * size);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++)
			pixels[y * size + x] = matrix[Math.floor(y / scale)]?.[Math.floor(x / scale)] ? 20 : 235;
	return { width: size, height: size, pixels };
}

/**
 * Writes a Y4M file (I420) for Chromium's fake camera: each picture centred on a mid-gray frame
 * (scaled down to fit if needed), shown for `framesEach` frames, then one empty frame.
 */
export function writeY4m(
	path: string,
	pictures: Gray[],
	{ width = 480, height = 360, fps = 5, framesEach = 5 } = {}
): number {
	const frameSize = width * height * 1.5;
	const frames: Buffer[] = [];
	const blank = Buffer.alloc(frameSize, 128);
	for (const picture of pictures) {
		const frame = Buffer.alloc(frameSize, 128);
		const fit = Math.min(1, (height - 20) / picture.height, (width - 20) / picture.width);
		const w = Math.floor(picture.width * fit);
		const h = Math.floor(picture.height * fit);
		const ox = Math.floor((width - w) / 2);
		const oy = Math.floor((height - h) / 2);
		for (let y = 0; y < h; y++)
			for (let x = 0; x < w; x++) {
				const sx = Math.min(picture.width - 1, Math.floor(x / fit));
				const sy = Math.min(picture.height - 1, Math.floor(y / fit));
				frame[(oy + y) * width + ox + x] = picture.pixels[sy * picture.width + sx] ?? 128;
			}
		for (let i = 0; i < framesEach; i++) frames.push(frame);
		frames.push(blank);
	}
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
	const marker = Buffer.from('FRAME\n');
	writeFileSync(path, Buffer.concat([header, ...frames.flatMap((f) => [marker, f])]));
	return frames.length;
}
