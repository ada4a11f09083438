/** DevRev's documented bounds (public OpenAPI), checked before anything is sent. */

/** chats.create / chats.get / chats.update: users 1..16 items. */
export const MAX_DM_USERS = 16;

/** chats.create / chats.update: records at most 16 items. */
export const MAX_DM_RECORDS = 16;

/** timeline-entries.create (timeline comment): artifacts at most 50 items. */
export const MAX_COMMENT_ARTIFACTS = 50;

/** timeline-entries.list: `limit` "defaults to 50"; the node asks for at most this many per page. */
export const TIMELINE_PAGE_SIZE = 50;

/** timeline-entries.update: artifacts `set` at most 50 items, `add` and `remove` at most 10 each. */
export const MAX_UPDATE_ARTIFACTS_SET = 50;
export const MAX_UPDATE_ARTIFACTS_CHANGE = 10;

/** conversations.list: `limit` "The default is '50'"; no maximum documented, so 50 a page. */
export const CONVERSATION_PAGE_SIZE = 50;

/** reactions.list: neither a default nor a maximum `limit` is documented; the node asks for 50. */
export const REACTOR_PAGE_SIZE = 50;
