import type { INodeProperties } from 'n8n-workflow';

import * as getInfo from './getInfo.operation';
import * as getMeta from './getMeta.operation';
import * as getParameters from './getParameters.operation';
import * as getSite from './getSite.operation';

export const operationParameter: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Get Info',
			value: 'getInfo',
			action: 'Get app info',
			description:
				'Get the name, description, tags, mode (chat, agent-chat, advanced-chat, workflow, completion, agent) and author of the app the API key belongs to. Outputs one item.',
		},
		{
			name: 'Get Meta',
			value: 'getMeta',
			action: 'Get app tool icons',
			description:
				'Get the icons of the tools the app uses. Outputs one item: "tool_icons", by tool name.',
		},
		{
			name: 'Get Parameters',
			value: 'getParameters',
			action: 'Get app parameters',
			description:
				'Get what a request to the app needs: its input form ("user_input_form": variable names, types, defaults), the opening statement, suggested questions, feature switches and file upload limits. Outputs one item.',
		},
		{
			name: 'Get Site',
			value: 'getSite',
			action: 'Get app site settings',
			description:
				"Get the settings of the app's hosted WebApp: title, description, icon, chat colours, copyright, privacy policy, input placeholder and default language. Outputs one item.",
		},
	],
	default: 'getInfo',
};

export const operations = { getInfo, getMeta, getParameters, getSite };
