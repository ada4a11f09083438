/**
 * Answer chunks read without JSON.parse.
 *
 * A long reply is hundreds of thousands of `message`, `agent_message` or `text_chunk` events, and
 * parsing each one's JSON — an object and half a dozen ID strings, of which the aggregator keeps
 * nothing once it has the first — is most of the time it takes to read the reply. For such an
 * event the aggregator asks here for its text alone. The answer is exact or there is none:
 * - the whole text must match a grammar of plain JSON objects (strings, numbers, booleans, null,
 *   arrays of those, and for `text_chunk` one level of objects; spaces as the only whitespace),
 *   so that every quote and key is where a JSON reader would find it;
 * - `event` must be the first key, and it and the wanted key must occur once, with keys written
 *   without escapes (JSON.parse would take the last of several, and an escaped key could spell
 *   either); the wanted value must be a string;
 * - a string with escapes is decoded by JSON.parse of that string alone.
 * Anything else gives undefined, and the event is parsed as before.
 */

// JSON's grammar for the values that Dify's chunk events hold (RFC 8259), spaces as whitespace
const CHAR = '[^"\\\\\\u0000-\\u001f]';
const ESCAPE = '\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})';
const STRING = `"${CHAR}*(?:${ESCAPE}${CHAR}*)*"`;
const NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
const PRIMITIVE = `(?:${STRING}|${NUMBER}|true|false|null)`;
const VALUE = `(?:${PRIMITIVE}|\\[ *(?:${PRIMITIVE}(?: *, *${PRIMITIVE})*)? *\\])`;
const FLAT_OBJECT = `\\{ *(?:${STRING} *: *${VALUE}(?: *, *${STRING} *: *${VALUE})*)? *\\}`;
/**
 * A key without escapes (so that its text is its name) other than the given ones: the wanted key
 * then occurs once, as the expression below places it.
 */
const keyOtherThan = (...names: string[]) =>
	`"(?!(?:${names.join('|')})")[^"\\\\\\u0000-\\u001f]*"`;
const pairs = (key: string, value: string) => `(?: *, *${key} *: *${value})*`;

/**
 * The fields the aggregator keeps from the first event that has them: a chunk may be read alone
 * only when each one the aggregator lacks is absent from it. As bits of `absent` below.
 */
export const FIRST_EVENT_FIELDS = [
	'task_id',
	'message_id',
	'conversation_id',
	'created_at',
	'workflow_run_id',
] as const;

function absentNames(absent: number): string[] {
	return FIRST_EVENT_FIELDS.filter((_name, bit) => (absent & (1 << bit)) !== 0);
}

/**
 * `{"event": "message" | "agent_message", …, "answer": "…", …}` with flat values and none of the
 * `absent` keys; group 1: the answer.
 */
function answerEvent(absent: number): RegExp {
	const other = keyOtherThan('event', 'answer', ...absentNames(absent));
	return new RegExp(
		`^ *\\{ *"event" *: *"(?:message|agent_message)"${pairs(other, VALUE)} *, *"answer" *: *(${STRING})${pairs(other, VALUE)} *\\} *$`,
	);
}

/**
 * `{"event": "text_chunk", …, "data": {…, "text": "…", …}, …}`, other values flat or flat
 * objects, no `message_id` or `conversation_id` (a Chatflow's text_chunk mirrors its messages)
 * and none of the `absent` keys at the top; group 1: the text.
 */
function textChunkEvent(absent: number): RegExp {
	const other = keyOtherThan(
		'event',
		'data',
		'message_id',
		'conversation_id',
		...absentNames(absent),
	);
	const otherValue = `(?:${VALUE}|${FLAT_OBJECT})`;
	const inner = keyOtherThan('text');
	return new RegExp(
		`^ *\\{ *"event" *: *"text_chunk"${pairs(other, otherValue)} *, *"data" *: *\\{ *(?:${inner} *: *${VALUE} *, *)*"text" *: *(${STRING})${pairs(inner, VALUE)} *\\}${pairs(other, otherValue)} *\\} *$`,
	);
}

// one expression per set of absent keys, made when first needed (at most 32 of each)
const answerEvents = new Map<number, RegExp>();
const textChunkEvents = new Map<number, RegExp>();

function decoded(literal: string | undefined): string | undefined {
	if (literal === undefined) return undefined;
	return literal.indexOf('\\') === -1 ? literal.slice(1, -1) : (JSON.parse(literal) as string);
}

/**
 * The `answer` of a `message` or `agent_message` event without the `absent` keys (bits of
 * FIRST_EVENT_FIELDS), when it is read exactly (see above).
 */
export function quickAnswer(text: string, absent = 0): string | undefined {
	let expression = answerEvents.get(absent);
	if (!expression) answerEvents.set(absent, (expression = answerEvent(absent)));
	return decoded(expression.exec(text)?.[1]);
}

/** The `data.text` of a `text_chunk` event, likewise. */
export function quickChunkText(text: string, absent = 0): string | undefined {
	let expression = textChunkEvents.get(absent);
	if (!expression) textChunkEvents.set(absent, (expression = textChunkEvent(absent)));
	return decoded(expression.exec(text)?.[1]);
}
