import type { ResourceModules } from '../../common/router';
import * as annotation from './annotation/Annotation.resource';
import * as app from './app/App.resource';
import * as audio from './audio/Audio.resource';
import * as chatMessage from './chatMessage/ChatMessage.resource';
import * as childChunk from './childChunk/ChildChunk.resource';
import * as chunk from './chunk/Chunk.resource';
import * as completionMessage from './completionMessage/CompletionMessage.resource';
import * as conversation from './conversation/Conversation.resource';
import * as document from './document/Document.resource';
import * as embeddingModel from './embeddingModel/EmbeddingModel.resource';
import * as endUser from './endUser/EndUser.resource';
import * as file from './file/File.resource';
import * as humanInput from './humanInput/HumanInput.resource';
import * as knowledgeBase from './knowledgeBase/KnowledgeBase.resource';
import * as messageFeedback from './messageFeedback/MessageFeedback.resource';
import * as metadata from './metadata/Metadata.resource';
import * as tag from './tag/Tag.resource';
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
	// Knowledge: signed with the Dify Knowledge API credential (the node's credentials list them)
	knowledgeBase,
	document,
	chunk,
	childChunk,
	metadata,
	tag,
	embeddingModel,
} satisfies ResourceModules;
