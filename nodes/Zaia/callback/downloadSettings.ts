/**
 * The two credential fields that say where Download Linked File may fetch from, in the Zaia API
 * credential (Export → Wait for the Export) and the Zaia Trigger credential alike; download.ts
 * reads them.
 */
import type { INodeProperties } from 'n8n-workflow';

export const DOWNLOAD_HOSTS: INodeProperties = {
	displayName: 'Download Hosts',
	name: 'downloadHosts',
	type: 'string',
	default: '',
	placeholder: 'files.example.com, *.storage.example.net',
	description:
		'Only for Download Linked File: the hosts it may fetch from, comma-separated (a name, or *.example.com for its subdomains). Left empty, any public HTTPS host. Hosts whose address is private, loopback or link-local are refused either way; n8n versions that cannot look up addresses for nodes fetch only listed hosts.',
};

export const ALLOW_LOCAL_DOWNLOADS: INodeProperties = {
	displayName: 'Allow Local Downloads (Testing Only)',
	name: 'allowLocalDownloads',
	type: 'boolean',
	default: false,
	description:
		'Whether Download Linked File may fetch over plain HTTP and from loopback, private or link-local addresses. Only for a local simulator: on a real n8n it would let whoever calls the callback URL make n8n fetch internal addresses.',
};
