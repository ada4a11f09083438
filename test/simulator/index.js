'use strict';
/** All provider modules, by name. A new provider is one module here. */
const providers = {
	clickup: require('./providers/clickup'),
};

module.exports = { providers, ...require('./core') };
