// n8n loads the nodes and credentials listed in package.json's "n8n" field; this entry point
// only lets `require('n8n-nodes-chat-connectors')` list them.
const { n8n } = require('./package.json');

module.exports = { nodes: n8n.nodes, credentials: n8n.credentials };
