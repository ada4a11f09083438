import type { ResourceModules } from '../../common/router';
import * as annotation from './annotation/Annotation.resource';
import * as app from './app/App.resource';
import * as audio from './audio/Audio.resource';
import * as chatMessage from './chatMessage/ChatMessage.resource';
import * as completionMessage from './completionMessage/CompletionMessage.resource';
import * as conversation from './conversation/Conversation.resource';
import * as endUser from './endUser/EndUser.resource';
import * as file from './file/File.resource';
import * as humanInput from './humanInput/HumanInput.resource';
import * as messageFeedback from './messageFeedback/MessageFeedback.resource';
import * as workflow from './workflow/Workflow.resource';

/** The node's resources, each with its Operation parameter and its operations. */
export const resources = {
	chatMessage,
	completionMessage,
	humanInput,
	workflow,
	conversation,
	messageFeedback,
	file,
	app,
	audio,
	annotation,
	endUser,
} satisfies ResourceModules;
