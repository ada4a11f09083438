/**
 * Webhook side of the engine harness (harness.ts runs action nodes; this runs webhooks):
 * `startTriggerServer` / `runWebhookMethod` for trigger nodes (webhook/trigger.ts),
 * `startWaitingServer` for executions a `runNode` left waiting (webhook/waiting.ts).
 * Not covered (real n8n only): multipart bodies (formidable), binary data kept in a file store,
 * queue-mode job hand-off, the editor's test webhooks.
 */
export type { WebhookCredentials, WebhookHit } from './webhook/execution';
export { runWebhookMethod, startTriggerServer } from './webhook/trigger';
export type { TriggerServer, TriggerServerOptions } from './webhook/trigger';
export { startWaitingServer } from './webhook/waiting';
export type { WaitingServer } from './webhook/waiting';
