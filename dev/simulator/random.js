'use strict';
const crypto = require('crypto');
/** mulberry32: a tiny deterministic PRNG, so random chunkings can be reproduced from their seed. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A UUID (version 4 form) derived from a kind and a number: deterministic, different per kind and
 * number, and looking like the random ones a real service hands out (no `-0000-` runs).
 */
function uuidFrom(kind, n) {
	const hex = crypto.createHash('sha256').update(`${kind}/${n}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

module.exports = { rng, uuidFrom };
