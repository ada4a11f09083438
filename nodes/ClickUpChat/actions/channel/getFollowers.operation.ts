import { channelUsers } from './users';

export const { properties, operation } = channelUsers('followers');
