'use strict';
/**
 * Dify simulator: small real audio files, and "speech recognition" for them. Text to Speech
 * answers a WAV file (8 kHz, 8-bit mono PCM: a short tone) or MP3 frames of silence, each carrying
 * the spoken text in its metadata (WAV: a LIST/INFO `ICMT` chunk; MP3: an ID3v2.4 `TIT2` frame),
 * so that Speech to Text of such a file gives the text back: a voice round trip without a model.
 * Audio without that metadata is "heard" as the docs' example sentence.
 */

const DOCS_TRANSCRIPT = 'Hello, I would like to know more about the iPhone 13 Pro Max.';
const SAMPLE_RATE = 8000;

function chunk(id, data) {
	const header = Buffer.alloc(8);
	header.write(id, 0, 'ascii');
	header.writeUInt32LE(data.length, 4);
	return Buffer.concat([header, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A WAV file saying `text`: a 440 Hz tone of 30 ms per word (0.1–2 s), the text in INFO/ICMT. */
function wav(text) {
	const words = String(text).split(/\s+/).filter(Boolean).length;
	const samples = Math.round((SAMPLE_RATE * Math.min(2000, Math.max(100, words * 30))) / 1000);
	const pcm = Buffer.alloc(samples);
	for (let n = 0; n < samples; n++)
		pcm[n] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * n) / SAMPLE_RATE));
	const fmt = Buffer.alloc(16);
	fmt.writeUInt16LE(1, 0); // PCM
	fmt.writeUInt16LE(1, 2); // mono
	fmt.writeUInt32LE(SAMPLE_RATE, 4);
	fmt.writeUInt32LE(SAMPLE_RATE, 8); // bytes per second
	fmt.writeUInt16LE(1, 12); // block align
	fmt.writeUInt16LE(8, 14); // bits per sample
	const comment = chunk('ICMT', Buffer.from(`${text}\0`, 'utf8'));
	const info = chunk('LIST', Buffer.concat([Buffer.from('INFO', 'ascii'), comment]));
	const body = Buffer.concat([
		Buffer.from('WAVE', 'ascii'),
		chunk('fmt ', fmt),
		info,
		chunk('data', pcm),
	]);
	return chunk('RIFF', body).subarray(0, 8 + body.length);
}

/** A 28-bit "syncsafe" integer of ID3v2. */
function syncsafe(n) {
	return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

/** MP3 frames of silence (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz), the text in an ID3v2.4 TIT2 frame. */
function mp3(text, frames = 8) {
	const title = Buffer.concat([Buffer.from([3]), Buffer.from(String(text), 'utf8')]); // 3: UTF-8
	const frame = Buffer.concat([
		Buffer.from('TIT2', 'ascii'),
		syncsafe(title.length),
		Buffer.from([0, 0]),
		title,
	]);
	const tag = Buffer.concat([
		Buffer.from('ID3', 'ascii'),
		Buffer.from([4, 0, 0]),
		syncsafe(frame.length),
		frame,
	]);
	const audio = Buffer.alloc(417);
	audio.set([0xff, 0xfb, 0x90, 0x64], 0);
	return Buffer.concat([tag, ...Array.from({ length: frames }, () => audio)]);
}

function wavComment(buffer) {
	if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF') return undefined;
	if (buffer.toString('ascii', 8, 12) !== 'WAVE') return undefined;
	let offset = 12;
	while (offset + 8 <= buffer.length) {
		const id = buffer.toString('ascii', offset, offset + 4);
		const size = buffer.readUInt32LE(offset + 4);
		const start = offset + 8;
		if (id === 'LIST' && buffer.toString('ascii', start, start + 4) === 'INFO') {
			let at = start + 4;
			while (at + 8 <= start + size) {
				const sub = buffer.toString('ascii', at, at + 4);
				const length = buffer.readUInt32LE(at + 4);
				if (sub === 'ICMT')
					return buffer.toString('utf8', at + 8, at + 8 + length).replace(/\0+$/, '');
				at += 8 + length + (length % 2);
			}
		}
		offset = start + size + (size % 2);
	}
	return undefined;
}

function id3Title(buffer) {
	if (buffer.length < 10 || buffer.toString('ascii', 0, 3) !== 'ID3') return undefined;
	const size = (buffer[6] << 21) | (buffer[7] << 14) | (buffer[8] << 7) | buffer[9];
	let at = 10;
	while (at + 10 <= 10 + size) {
		const id = buffer.toString('ascii', at, at + 4);
		const length =
			(buffer[at + 4] << 21) | (buffer[at + 5] << 14) | (buffer[at + 6] << 7) | buffer[at + 7];
		if (id === 'TIT2' && buffer[at + 10] === 3)
			return buffer.toString('utf8', at + 11, at + 10 + length);
		at += 10 + length;
	}
	return undefined;
}

/** What a file of audio "says": the text its metadata carries, else the docs' example sentence. */
function transcript(buffer) {
	return wavComment(buffer) ?? id3Title(buffer) ?? DOCS_TRANSCRIPT;
}

/** The container a file of audio starts with, or undefined for bytes that are no audio we know. */
function audioFormat(buffer) {
	if (buffer.length >= 12 && buffer.toString('ascii', 0, 4) === 'RIFF') return 'wav';
	if (buffer.length >= 3 && buffer.toString('ascii', 0, 3) === 'ID3') return 'mp3';
	if (buffer.length >= 2 && buffer[0] === 0xff && (buffer[1] & 0xe0) === 0xe0) return 'mp3';
	if (buffer.length >= 12 && buffer.toString('ascii', 4, 8) === 'ftyp') return 'm4a';
	if (buffer.length >= 6 && buffer.toString('ascii', 0, 5) === '#!AMR') return 'amr';
	return undefined;
}

module.exports = { wav, mp3, transcript, audioFormat, DOCS_TRANSCRIPT };
