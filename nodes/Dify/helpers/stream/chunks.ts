/** Answer text forwarded to n8n's chat while it streams (`sendChunk`), one item's reply at a time. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { runsAsTool } from '../../../common/items';

export type ChunkType = 'begin' | 'item' | 'end' | 'error';
export type ChunkSink = (type: ChunkType, itemIndex: number, content?: string) => Promise<void>;

/**
 * n8n's live-chunk API (`sendChunk`), when this n8n has it, the option allows it and the
 * execution streams its response (e.g. a Chat Trigger with streaming on); else undefined.
 */
export function chunkSink(ctx: IExecuteFunctions, enabled: boolean): ChunkSink | undefined {
	if (!enabled) return undefined;
	// as an AI Agent's tool the answer goes to the agent, which streams its own to the user's chat
	if (runsAsTool(ctx)) return undefined;
	const streaming = ctx as IExecuteFunctions & {
		isStreaming?: () => boolean;
		sendChunk?: IExecuteFunctions['sendChunk'];
	};
	if (typeof streaming.isStreaming !== 'function' || typeof streaming.sendChunk !== 'function')
		return undefined;
	if (!streaming.isStreaming()) return undefined;
	return async (type, itemIndex, content) => {
		await Promise.resolve(streaming.sendChunk(type, itemIndex, content));
	};
}

/** What a streaming chat is sent when Dify withdraws an answer that was already streamed. */
export const REPLACED_ANSWER_NOTE =
	"[The app's moderation withdrew the text above. Its answer is:]";

/** Tells a streaming chat about one item's reply: begin once, the chunks, end. */
export class ChatForwarder {
	private began = false;
	private forwarded = false;

	constructor(
		private readonly sink: ChunkSink | undefined,
		private readonly itemIndex: number,
	) {}

	get onAnswerChunk(): ((text: string) => Promise<void>) | undefined {
		if (!this.sink) return undefined;
		return async (text: string) => {
			await this.begin();
			this.forwarded = true;
			await this.sink!('item', this.itemIndex, text);
		};
	}

	/** Text already shown cannot be taken back: say so in a closing chunk, with the replacement. */
	get onAnswerReplaced(): ((answer: string) => Promise<void>) | undefined {
		if (!this.sink) return undefined;
		return async (answer: string) => {
			if (!this.forwarded) return;
			await this.sink!('item', this.itemIndex, `\n\n${REPLACED_ANSWER_NOTE}\n${answer}`);
		};
	}

	async begin(): Promise<void> {
		if (this.began || !this.sink) return;
		this.began = true;
		await this.sink('begin', this.itemIndex);
	}

	/** A reply that was never streamed (blocking) still reaches the chat, in one piece. */
	async finish(answer: string): Promise<void> {
		if (!this.sink) return;
		if (!this.began) {
			await this.begin();
			if (answer) await this.sink('item', this.itemIndex, answer);
		}
		await this.sink('end', this.itemIndex);
	}

	async fail(message: string): Promise<void> {
		if (!this.sink) return;
		await this.begin();
		await this.sink('error', this.itemIndex, message);
		await this.sink('end', this.itemIndex);
	}

	async endIfStarted(): Promise<void> {
		if (this.sink && this.began) await this.sink('end', this.itemIndex);
	}
}
