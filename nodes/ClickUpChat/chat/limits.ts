/** ClickUp's documented bounds (API v3 reference), checked before anything is sent. */

/** createDirectMessage: user_ids, at most 15, unique. */
export const MAX_DM_USERS = 15;

/** createChatMessage / createReplyMessage: content, at most 40,000 characters. */
export const MAX_CONTENT_LENGTH = 40000;

/** createChatMessage / createReplyMessage: followers, at most 10. */
export const MAX_FOLLOWERS = 10;

/** createChatMessage / createReplyMessage: post_data.title, at most 255 characters. */
export const MAX_POST_TITLE_LENGTH = 255;

/** Chat lists (channels, messages, replies, members, followers, tagged users, reactions): limit 1 to 100 records a page. */
export const MAX_CHAT_PAGE_SIZE = 100;

/** createChatChannel / createLocationChatChannel: user_ids, at most 100, unique. */
export const MAX_CHANNEL_USERS = 100;
