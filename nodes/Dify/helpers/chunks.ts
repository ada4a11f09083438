import type { IExecuteFunctions } from 'n8n-workflow';

import { runsAsTool } from '../../common/items';

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
