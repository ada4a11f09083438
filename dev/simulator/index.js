'use strict';
/** All provider modules (every file in providers/), by name. A new provider is one module there. */
const fs = require('fs');
const path = require('path');

const providers = {};
for (const file of fs.readdirSync(path.join(__dirname, 'providers')).sort()) {
	if (!file.endsWith('.js')) continue;
	const provider = require(`./providers/${file}`);
	providers[provider.name] = provider;
}

module.exports = { providers, ...require('./core') };
