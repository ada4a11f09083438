/** Dify's paths that carry an ID, in one place: each ID is one encoded path segment. */
const segment = encodeURIComponent;

export const difyPaths = {
	conversation: (id: string) => `/conversations/${segment(id)}`,
	conversationName: (id: string) => `/conversations/${segment(id)}/name`,
	conversationVariables: (id: string) => `/conversations/${segment(id)}/variables`,
	conversationVariable: (id: string, variableId: string) =>
		`/conversations/${segment(id)}/variables/${segment(variableId)}`,
	messageFeedbacks: (messageId: string) => `/messages/${segment(messageId)}/feedbacks`,
	suggestedQuestions: (messageId: string) => `/messages/${segment(messageId)}/suggested`,
	humanInputForm: (formToken: string) => `/form/human_input/${segment(formToken)}`,
	workflowRun: (runId: string) => `/workflows/run/${segment(runId)}`,
	/** Run Workflow by ID: a published version of the workflow. */
	workflowVersionRun: (workflowId: string) => `/workflows/${segment(workflowId)}/run`,
	/** Stream Workflow Events: follows a run, or reopens its stream after a break. */
	workflowEvents: (runId: string) => `/workflow/${segment(runId)}/events`,
	annotation: (id: string) => `/apps/annotations/${segment(id)}`,
	/** `enable` or `disable`. */
	annotationReply: (action: string) => `/apps/annotation-reply/${segment(action)}`,
	annotationReplyStatus: (action: string, jobId: string) =>
		`/apps/annotation-reply/${segment(action)}/status/${segment(jobId)}`,
	endUser: (id: string) => `/end-users/${segment(id)}`,
	filePreview: (id: string) => `/files/${segment(id)}/preview`,
};

/** Where Dify stops a streaming task, by the resource whose Send or Run started it. */
export const stopPaths = {
	chatMessage: (taskId: string) => `/chat-messages/${segment(taskId)}/stop`,
	completionMessage: (taskId: string) => `/completion-messages/${segment(taskId)}/stop`,
	workflow: (taskId: string) => `/workflows/tasks/${segment(taskId)}/stop`,
};
