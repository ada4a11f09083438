import { stopPaths } from '../../helpers/paths';
import { stopProperties } from '../common.descriptions';
import { stopOperation } from '../common.operations';

export const properties = stopProperties(
	'a Chat Message → Send',
	'The User that sent the message. Dify ignores a stop from another user and still answers success.',
);

export const operation = stopOperation(stopPaths.chatMessage);
