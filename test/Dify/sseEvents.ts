import { readSseBatches } from '../../nodes/common/sse';
import type { ReadSseOptions, SseEvent, SseSource } from '../../nodes/common/sse';

/**
 * The events of a source one by one (the shipped code reads them in batches, see
 * `readSseBatches`); for tests of the SSE reader's behaviour.
 */
export async function* readSseEvents(
	source: SseSource,
	options: ReadSseOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
	for await (const batch of readSseBatches(source, options)) {
		for (const event of batch) yield event;
	}
}
