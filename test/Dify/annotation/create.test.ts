/** Annotation → Create: a question with the answer the app gives to it. */

import { nodeRunner, specs } from '../../engine/nodes';
import { allText, useSimulator } from '../../helpers';
import { appStore, json, persistent429, TOKEN, WRONG_KEY } from '../kit';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, { resource: 'annotation', operation: 'create' });
beforeEach(() => ctx.sim.reset({ resetState: true }));

const store = () => appStore.storeOf(ctx.sim.state);

describe('Dify: Annotation → Create', () => {
	test('POST /apps/annotations with question and answer; outputs the annotation (201)', async () => {
		const result = await run({ question: 'What is Dify?', answer: 'An LLM app platform.' });
		expect(result.error).toBeUndefined();
		const [sent] = ctx.sim.calls('POST', '/apps/annotations');
		expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(sent.body).toEqual({ question: 'What is Dify?', answer: 'An LLM app platform.' });
		expect(json(result)).toMatchObject({
			question: 'What is Dify?',
			answer: 'An LLM app platform.',
			hit_count: 0,
		});
		expect(store().annotations.map((a) => a.id)).toContain(json(result).id);
	});

	test('an empty question or answer is refused before any request; a 500 is not retried', async () => {
		const noQuestion = await run({ question: '={{ "" }}', answer: 'x' });
		expect(noQuestion.error?.message).toMatch(/^Question: must not be empty/);
		const noAnswer = await run({ question: 'q', answer: '={{ "" }}' });
		expect(noAnswer.error?.message).toMatch(/^Answer: must not be empty/);
		expect(ctx.sim.requests).toHaveLength(0);
		ctx.sim.fault({ method: 'POST', path: '/apps/annotations' }, { status: 500 });
		const failed = await run({ question: 'q', answer: 'a' });
		expect(failed.error?.httpCode).toBe('500');
		expect(ctx.sim.calls('POST', '/apps/annotations')).toHaveLength(1);
	});

	test('401 with a wrong key (the key appears nowhere), 429 mapped', async () => {
		const unauthorized = await run(
			{ question: 'q', answer: 'a' },
			{ credential: { apiKey: WRONG_KEY } },
		);
		expect(unauthorized.error?.httpCode).toBe('401');
		expect(allText(unauthorized.run)).not.toContain(WRONG_KEY);
		persistent429(ctx.sim, '/apps/annotations');
		const limited = await run({ question: 'q', answer: 'a' });
		expect(limited.error?.httpCode).toBe('429');
	});
});
