import type { INodeProperties } from 'n8n-workflow';

import * as speechToText from './speechToText.operation';
import * as textToSpeech from './textToSpeech.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Speech to Text',
			value: 'speechToText',
			action: 'Convert speech to text',
			description:
				'Transcribe an audio file of the input item (MP3, M4A, WAV, AMR; up to 30 MB) with the app\'s speech-to-text model. Outputs "text".',
		},
		{
			name: 'Text to Speech',
			value: 'textToSpeech',
			action: 'Convert text to speech',
			description:
				'Speak a text, or the answer of a message, with the app\'s text-to-speech voice. Outputs the audio as a binary file (as Dify sends it, for example WAV or MP3) with its "name", "size", "extension" and "mime_type".',
		},
	],
	default: 'speechToText',
};

export const operations = { speechToText, textToSpeech };
