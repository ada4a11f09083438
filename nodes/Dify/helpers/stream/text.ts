/**
 * Text that arrives in many small pieces (answer and reasoning chunks), kept so that memory stays
 * close to the text's size whatever the number of pieces.
 */

// Pieces are appended to `parts`; every PART_BLOCK pieces they are joined into one block.
const PART_BLOCK = 512;

export class TextParts {
	private blocks: string[] = [];
	private readonly parts: string[] = [];
	/** Characters held, without joining the pieces. */
	length = 0;

	append(text: string): void {
		if (text.length === 0) return;
		this.length += text.length;
		this.parts.push(text);
		if (this.parts.length >= PART_BLOCK) {
			this.blocks.push(this.parts.join(''));
			this.parts.length = 0;
		}
	}

	/** The whole text so far (joined once, then kept joined). */
	get text(): string {
		if (this.parts.length === 0 && this.blocks.length <= 1) return this.blocks[0] ?? '';
		if (this.parts.length > 0) {
			this.blocks.push(this.parts.join(''));
			this.parts.length = 0;
		}
		const text = this.blocks.join('');
		this.blocks = [text];
		return text;
	}

	replace(text: string): void {
		this.length = text.length;
		this.blocks = text ? [text] : [];
		this.parts.length = 0;
	}
}
