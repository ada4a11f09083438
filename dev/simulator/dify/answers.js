'use strict';
const { uuidFrom } = require('../random');
/**
 * The simulated Dify chat app's answers: a small deterministic composer, so that the demo and the
 * e2e examples look like a real app instead of replaying the docs' one-chunk sample (`" I"`).
 *
 * - The answer responds to the query: a few canned topics picked by keyword, else a fallback that
 *   quotes the question.
 * - A later turn of the same conversation knows the earlier ones: a follow-up ("And how heavy is
 *   it?") is answered about the earlier topic and says so; a new topic says what it moves on from.
 * - The answer is streamed as several `message` events (a few words each), then `message_end`
 *   with usage, in the shape of Dify's Chatbot stream (`chat` mode); a blocking request gets the
 *   same reply as one JSON body.
 * - Same conversation: same `conversation_id`; every turn: a new `message_id` and `task_id`.
 *
 * Nothing here is random: ids come from a counter in the simulator's state, timestamps from the
 * turn number, so a run can be reproduced (and the e2e suite can replay the exact bytes it sent).
 */

const SUBJECTS = [
	{
		topic: 'iphone',
		keywords: /\biphone\b|\bphone\b|\bsmartphone\b/i,
		subject: 'the iPhone 13 Pro Max',
		answer:
			'The iPhone 13 Pro Max has a 6.7-inch Super Retina XDR display with ProMotion (up to 120 Hz), the A15 Bionic chip with a 5-core GPU, a triple 12 MP camera system (telephoto, wide and ultra wide, 3x optical zoom), 128 GB to 1 TB of storage, and up to 28 hours of video playback.',
		followUps: [
			{
				keywords: /heavy|weigh|weight|mass/i,
				answer:
					'it weighs 240 grams (8.47 ounces), and it measures 160.8 x 78.1 x 7.65 mm, so it is the heaviest iPhone 13 model.',
			},
			{
				keywords: /price|cost|expensive|cheap/i,
				answer: 'it launched at $1,099 for 128 GB; 256 GB, 512 GB and 1 TB cost more.',
			},
			{
				keywords: /battery|charge|charging/i,
				answer:
					'its battery lasts up to 28 hours of video playback and it charges to 50% in about 30 minutes with a 20 W adapter.',
			},
			{
				keywords: /colou?r/i,
				answer: 'it came in Graphite, Gold, Silver, Sierra Blue and, later, Alpine Green.',
			},
		],
		suggestions: [
			'How heavy is the iPhone 13 Pro Max?',
			'What colours does it come in?',
			'How long does its battery last?',
		],
	},
	{
		topic: 'weather',
		keywords: /weather|forecast|rain|temperature|sunny/i,
		subject: 'the weather',
		answer:
			'I cannot look outside, but for the forecast I would check your local weather service: today looks mild where this simulated app lives, around 18 °C with a light breeze and no rain expected.',
		followUps: [
			{
				keywords: /tomorrow|weekend|later/i,
				answer: 'tomorrow should stay dry, a little warmer, around 21 °C.',
			},
		],
		suggestions: ['Will it rain tomorrow?', 'What should I wear today?', 'Is it windy?'],
	},
	{
		topic: 'refund',
		keywords: /refund|return|money back|cancel (my )?order/i,
		subject: 'refunds',
		answer:
			'You can return an item within 30 days of delivery for a full refund. Start the return from your order page; the refund reaches your original payment method 5 to 10 business days after the item arrives back.',
		followUps: [
			{
				keywords: /how long|when|days|time/i,
				answer:
					'the money usually arrives 5 to 10 business days after the returned item is received.',
			},
		],
		suggestions: [
			'How long does a refund take?',
			'Can I return an opened item?',
			'Who pays for return shipping?',
		],
	},
	{
		topic: 'greeting',
		keywords: /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i,
		subject: 'your greeting',
		answer:
			'Hello! I am the demo chat app of the Dify simulator. Ask me about the iPhone 13 Pro Max, the weather or refunds, and I will answer in several streamed chunks.',
		followUps: [],
		suggestions: [
			'What are the specs of the iPhone 13 Pro Max?',
			'What is the weather like?',
			'How do refunds work?',
		],
	},
];

/** The subject a query is about, if it names one. */
function subjectOf(query) {
	return SUBJECTS.find((subject) => subject.keywords.test(query));
}

/** Turn `it weighs…` into `It weighs…`. */
function capitalised(text) {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(query) {
	const text = query.trim().replace(/\s+/g, ' ');
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The answer to `query`, given the earlier turns of its conversation (oldest first, each
 * `{ query, answer, topic }`). Returns `{ answer, topic }`; `topic` is what a later turn builds on.
 */
function composeAnswer(query, history = []) {
	const earlier = [...history].reverse().find((turn) => turn.topic && turn.topic !== 'greeting');
	const previous = earlier && SUBJECTS.find((subject) => subject.topic === earlier.topic);
	const named = subjectOf(query);
	if (previous && (!named || named === previous)) {
		const followUp = previous.followUps.find((candidate) => candidate.keywords.test(query));
		if (followUp)
			return {
				topic: previous.topic,
				answer: `Following up on your question about ${previous.subject}: ${followUp.answer}`,
			};
		if (!named)
			return {
				topic: previous.topic,
				answer: `You asked "${quoted(query)}". Continuing our conversation about ${previous.subject}: I only know its specs, weight, price, battery and colours in this simulated app; ask about one of those, or connect a real Dify app for a full answer.`,
			};
	}
	if (named) {
		const intro =
			previous && named !== previous && named.topic !== 'greeting'
				? `Moving on from ${previous.subject} to ${named.subject}. `
				: '';
		return { topic: named.topic, answer: `${intro}${named.answer}` };
	}
	return {
		topic: undefined,
		answer: `You asked "${quoted(query)}". This is the Dify simulator's demo app, which knows only a few topics (the iPhone 13 Pro Max, the weather, refunds); ask about one of them, or put a real Dify app's API key in the credential to get a real answer.`,
	};
}

/** Follow-up questions for a message, by its topic (Dify's "suggested questions"). */
function suggestionsFor(topic, query) {
	const subject = SUBJECTS.find((candidate) => candidate.topic === topic);
	if (subject) return [...subject.suggestions];
	return [
		`Can you say more about "${quoted(query)}"?`,
		'What topics do you know about?',
		'What are the specs of the iPhone 13 Pro Max?',
	];
}

/** Splits an answer into chunks of a few words (each keeps its leading space, as LLM deltas do). */
function answerChunks(answer, wordsPerChunk = 4) {
	const words = answer.split(/(?=\s)/);
	const chunks = [];
	for (let i = 0; i < words.length; i += wordsPerChunk)
		chunks.push(words.slice(i, i + wordsPerChunk).join(''));
	return chunks;
}

const FIRST_TURN_AT = 1764590400; // 2025-12-01T12:00:00Z, then one minute per turn

/**
 * The SSE bytes of one composed reply (Dify's Chatbot stream) and what it is made of.
 * `turn` numbers the reply (ids and timestamps derive from it); `conversationId` continues a
 * conversation, else a new one is opened.
 */
function composeReply({ query, history, turn, conversationId }) {
	const { answer, topic } = composeAnswer(query, history);
	const ids = {
		task_id: uuidFrom('task', turn),
		message_id: uuidFrom('message', turn),
		conversation_id: conversationId || uuidFrom('conversation', turn),
	};
	const createdAt = FIRST_TURN_AT + turn * 60;
	const chunks = answerChunks(answer);
	const events = chunks.map((chunk) => ({
		event: 'message',
		...ids,
		id: ids.message_id,
		answer: chunk,
		created_at: createdAt,
	}));
	const promptTokens = 40 + query.length + history.length * 60;
	const completionTokens = chunks.length * 5;
	events.push({
		event: 'message_end',
		...ids,
		id: ids.message_id,
		created_at: createdAt,
		metadata: {
			usage: {
				prompt_tokens: promptTokens,
				completion_tokens: completionTokens,
				total_tokens: promptTokens + completionTokens,
				total_price: ((promptTokens + completionTokens) * 0.000002).toFixed(7),
				currency: 'USD',
				latency: Math.round((0.4 + chunks.length * 0.05) * 100) / 100,
			},
			retriever_resources: [],
		},
		files: [],
	});
	const bytes = Buffer.from(events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join(''));
	// the same reply as Dify's blocking response body
	const blocking = {
		event: 'message',
		...ids,
		id: ids.message_id,
		mode: 'chat',
		answer,
		metadata: events[events.length - 1].metadata,
		created_at: createdAt,
	};
	return {
		bytes,
		blocking,
		events,
		answer,
		topic,
		chunks,
		...ids,
		created_at: createdAt,
		usage: events[events.length - 1].metadata.usage,
	};
}

module.exports = { composeAnswer, composeReply, suggestionsFor, answerChunks };
