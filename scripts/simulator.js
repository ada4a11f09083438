#!/usr/bin/env node
/**
 * The provider simulator on its own: one HTTP server per provider on 127.0.0.1.
 *   node scripts/simulator.js [--port-base 5710] [--write file.json]
 * Ports are fixed (port-base + position in alphabetical order) so credentials pointing at them
 * stay valid across restarts; --port-base 0 picks random ports. Prints {provider: baseUrl} as JSON
 * and keeps running until interrupted.
 */
const fs = require('fs');
const path = require('path');
const { ProviderSimulator, providers } = require('../dev/simulator');

function arg(name, fallback) {
	const i = process.argv.indexOf(name);
	return i === -1 ? fallback : process.argv[i + 1];
}

async function main() {
	const portBase = Number(arg('--port-base', process.env.SIMULATOR_PORT_BASE || '5710'));
	const out = arg('--write');
	const names = Object.keys(providers).sort();
	const sims = [];
	const urls = {};
	for (const [i, name] of names.entries()) {
		const sim = new ProviderSimulator(providers[name]);
		await sim.start(portBase === 0 ? 0 : portBase + i);
		sims.push(sim);
		urls[name] = sim.baseUrl;
	}
	const json = JSON.stringify(urls, null, 2);
	if (out) fs.writeFileSync(path.resolve(out), `${json}\n`);
	console.log(json);
	const stop = async () => {
		await Promise.all(sims.map((s) => s.stop()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
