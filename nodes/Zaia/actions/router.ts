import type { OperationTable } from '../../common/items';
import { create } from './chatMessage/create.operation';
import { exportToUrl } from './chatMessage/export.operation';
import { getAll } from './chatMessage/getAll.operation';
import type { ZaiaMap } from './node.type';

/**
 * Every resource and operation of the node and its implementation (checked against the map by
 * tsc). Export → "Wait for the Export" is not a per-item operation: the node file hands it to
 * `helpers/waitForExport.ts` before this table is consulted.
 */
export const operations: OperationTable<ZaiaMap> = {
	chatMessage: { create, export: exportToUrl, getAll },
};
