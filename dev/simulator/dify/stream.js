'use strict';
/**
 * Dify simulator: the fixtures as lists of SSE blocks (one event each, with the byte offset where
 * it ends), and a writer that sends blocks in chunks of random (seeded) sizes and can break the
 * connection at a byte offset (`+cut@N`) or stall there (`+stall@N`).
 */
const { rng } = require('../random');

/** A fixture's bytes split into blocks ending with their blank line: { bytes, end, event }. */
function blocksOf(bytes) {
	const text = bytes.toString('utf8');
	const blocks = [];
	let offset = 0;
	let byteOffset = 0;
	while (offset < text.length) {
		const next = text.indexOf('\n\n', offset);
		const stop = next === -1 ? text.length : next + 2;
		const block = Buffer.from(text.slice(offset, stop), 'utf8');
		byteOffset += block.length;
		const data = text
			.slice(offset, stop)
			.split('\n')
			.filter((line) => line.startsWith('data:'))
			.map((line) => line.slice(5).replace(/^ /, ''))
			.join('\n');
		let event = null;
		try {
			event = data ? JSON.parse(data) : null;
		} catch {
			event = null;
		}
		blocks.push({ bytes: block, end: byteOffset, event });
		offset = stop;
	}
	return blocks;
}

/** How many blocks a client has read completely when the connection broke at byte `cutAt`. */
function deliveredBefore(blocks, cutAt) {
	if (cutAt === undefined) return blocks.length;
	let n = 0;
	while (n < blocks.length && blocks[n].end <= cutAt) n++;
	return n;
}

/** `+cut@N` / `+stall@N` in a directive text: the byte offset, else undefined. */
function offsetFlag(text, name) {
	const match = new RegExp(`(?:^|\\s)\\+${name}@(\\d+)`).exec(text || '');
	return match ? Number(match[1]) : undefined;
}

/**
 * Writes blocks as a stream: chunks of 1–64 bytes (seeded), a short pause now and then. With
 * `cutAt` the socket is destroyed after that many bytes; with `stallAt` nothing more is sent
 * (the connection stays open until the client gives up); `holdOpen` keeps it open after the end.
 */
async function* writeBlocks(blocks, { seed = 1, cutAt, stallAt, holdOpen, onDone } = {}) {
	const bytes = Buffer.concat(blocks.map((block) => block.bytes));
	const random = rng(seed);
	const stop = Math.min(bytes.length, cutAt ?? Infinity, stallAt ?? Infinity);
	let offset = 0;
	let n = 0;
	while (offset < stop) {
		const end = Math.min(stop, offset + 1 + Math.floor(random() * 64));
		yield bytes.subarray(offset, end);
		offset = end;
		if (++n % 16 === 0) yield { delayMs: 2 };
	}
	if (cutAt !== undefined && cutAt < bytes.length) {
		yield { delayMs: 10 };
		yield { cut: true };
		return;
	}
	if (holdOpen || (stallAt !== undefined && stallAt < bytes.length)) {
		// up to 60 s of silence; the core stops writing as soon as the client closes
		for (let i = 0; i < 1200; i++) yield { delayMs: 50 };
		return;
	}
	if (onDone) onDone();
}

module.exports = { blocksOf, deliveredBefore, offsetFlag, writeBlocks };
