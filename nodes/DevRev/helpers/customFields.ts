import type { IDataObject, INode } from 'n8n-workflow';

import { invalid, parseJsonObject } from '../../common/validate';

/**
 * Custom Fields (JSON) and Custom Schema Spec (JSON) of a create or update, read together: DevRev
 * rejects custom fields whose schema is not named, so fields without a spec are refused here.
 */
export function readCustomFields(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
): { custom_fields?: IDataObject; custom_schema_spec?: IDataObject } {
	const customFields =
		fields.customFields === undefined
			? {}
			: parseJsonObject(node, itemIndex, 'Custom Fields (JSON)', fields.customFields);
	const customSchemaSpec =
		fields.customSchemaSpec === undefined
			? {}
			: parseJsonObject(node, itemIndex, 'Custom Schema Spec (JSON)', fields.customSchemaSpec);
	const hasCustomFields = Object.keys(customFields).length > 0;
	const hasSchemaSpec = Object.keys(customSchemaSpec).length > 0;
	if (hasCustomFields && !hasSchemaSpec) {
		throw invalid(
			node,
			itemIndex,
			'Custom Schema Spec (JSON)',
			'is required when Custom Fields are set',
			'DevRev rejects custom fields whose schema is not named, e.g. {"tenant_fragment": true}.',
		);
	}
	return {
		custom_fields: hasCustomFields ? customFields : undefined,
		custom_schema_spec: hasSchemaSpec ? customSchemaSpec : undefined,
	};
}
