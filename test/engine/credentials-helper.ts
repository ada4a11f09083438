/** n8n's credentials helper for the engine harness: the test's credential values, applied as n8n does. */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IDataObject,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * Applies credentials the way n8n's own CredentialsHelper does: defaults of the credential
 * type's properties filled in, then the type's `authenticate` — a function, or the generic form
 * whose `={{$credentials.x}}` expressions are resolved by the workflow's expression engine.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly values: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const type = this.types[name];
		return type?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}

	private withDefaults(
		type: string,
		data: ICredentialDataDecryptedObject,
	): ICredentialDataDecryptedObject {
		const out: ICredentialDataDecryptedObject = {};
		for (const property of this.getCredentialsProperties(type)) {
			out[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...out, ...data };
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.values[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return this.withDefaults(type, structuredClone(data));
	}

	private resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow | undefined,
		node: INode | undefined,
	): unknown {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		if (!workflow || !node)
			throw new Error('Generic authentication needs the workflow and node to resolve expressions');
		return workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials } as IDataObject,
			undefined,
			'',
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate.type === 'generic') {
			const options = requestOptions as unknown as Record<string, IDataObject | undefined>;
			for (const [target, entries] of Object.entries(authenticate.properties)) {
				if (target === 'auth') {
					const auth = entries as IDataObject;
					options.auth = {
						username: this.resolve(auth.username, credentials, workflow, node),
						password: this.resolve(auth.password, credentials, workflow, node),
					} as IDataObject;
					continue;
				}
				const bag: IDataObject = { ...(options[target] ?? {}) };
				for (const [key, value] of Object.entries(entries as IDataObject)) {
					bag[String(this.resolve(key, credentials, workflow, node))] = this.resolve(
						value,
						credentials,
						workflow,
						node,
					) as IDataObject[string];
				}
				options[target] = bag;
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
