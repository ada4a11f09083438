/** Human Input → Get Form. */
import { nodeRunner, specs } from '../../engine/nodes';
import { useSimulator } from '../../helpers';

const ctx = useSimulator('dify');
const run = nodeRunner(ctx, specs.dify, {
	resource: 'humanInput',
	operation: 'getForm',
	user: 'user-42',
});

const getForm = (formToken: string) => run({ formToken });

describe('Dify Human Input → Get Form', () => {
	test('GET /form/human_input/{form_token}: the form as Dify answers it, with its token', async () => {
		await run({ resource: 'chatMessage', operation: 'send', query: 'sim:human-input-pause' });
		const form = await getForm('tok_abc123');
		expect(form.error).toBeUndefined();
		expect(form.items[0].json).toMatchObject({
			form_content: 'Please review the draft.',
			user_actions: [{ id: 'approve', title: 'Approve', button_style: 'primary' }],
			form_token: 'tok_abc123',
		});
		expect(ctx.sim.requests.at(-1)?.path).toBe('/form/human_input/tok_abc123');
	});
});

describe('Dify Human Input → Get Form: bad input is refused before any request', () => {
	test('Get Form without a token', async () => {
		const result = await getForm('  ');
		expect(result.error?.message).toMatch(/^Form Token:/);
		expect(ctx.sim.requests).toHaveLength(0);
	});

	test.each([['..'], ['tok/../../info']])(
		'the Form Token %j is refused before any request (it would change the path)',
		async (formToken) => {
			const result = await getForm(formToken);
			expect(result.error?.message).toMatch(/^Form Token: .+ is not an ID/);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);
});
