// n8n-core writes its instance settings into N8N_USER_FOLDER (default: the home folder).
// Give every jest worker its own throw-away folder.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER_FIXED) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-chat-connectors-jest-'));
	process.env.N8N_USER_FOLDER = dir;
	process.env.N8N_USER_FOLDER_FIXED = '1';
}
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
