/** Property: however the bytes of a fixture are cut and whatever their line endings, the item is the same. */
import { aggregateDifyStream } from '../../../nodes/Dify/helpers/stream/reader';
import { asyncChunks, fixtureBytes, splitRandomly, sseFixtures } from '../kit';

const withLineEnding = (bytes: Buffer, ending: '\r\n' | '\r'): Buffer =>
	Buffer.from(bytes.toString('utf8').replace(/\n/g, ending), 'utf8');

describe('property: every chunking of a fixture gives the same item', () => {
	const variants: Array<[string, (bytes: Buffer) => Buffer]> = [
		['LF', (bytes) => bytes],
		['CRLF', (bytes) => withLineEnding(bytes, '\r\n')],
		['CR', (bytes) => withLineEnding(bytes, '\r')],
	];

	it.each(sseFixtures)('%s', async (name) => {
		const original = fixtureBytes(name);
		const reference = await aggregateDifyStream([original], { includeTts: true });
		for (const [variant, transform] of variants) {
			const bytes = transform(original);
			const whole = await aggregateDifyStream([bytes], { includeTts: true });
			expect({ variant, result: whole }).toEqual({ variant, result: reference });
			const oneByte = await aggregateDifyStream(asyncChunks(splitRandomly(bytes, 1, 1)), {
				includeTts: true,
			});
			expect({ variant, seed: 'bytes', result: oneByte }).toEqual({
				variant,
				seed: 'bytes',
				result: reference,
			});
			for (let seed = 1; seed <= 40; seed++) {
				const maxChunk = [2, 3, 7, 16, 64, 512][seed % 6];
				const chunks = splitRandomly(bytes, seed * 7919, maxChunk);
				const result = await aggregateDifyStream(asyncChunks(chunks), { includeTts: true });
				expect({ variant, seed, result }).toEqual({ variant, seed, result: reference });
			}
		}
	});

	it('every two-piece split of a multi-byte fixture, including inside characters', async () => {
		const bytes = fixtureBytes('chat-unicode.sse');
		const reference = await aggregateDifyStream([bytes]);
		let insideCharacter = 0;
		for (let cut = 1; cut < bytes.length; cut++) {
			if ((bytes[cut] & 0xc0) === 0x80) insideCharacter++;
			const result = await aggregateDifyStream([bytes.subarray(0, cut), bytes.subarray(cut)]);
			if (result.answer !== reference.answer || result.status !== reference.status) {
				throw new Error(`split at byte ${cut} changed the result`);
			}
		}
		expect(insideCharacter).toBeGreaterThan(20);
	});
});
