'use strict';
/**
 * Reading what n8n prints: colour codes stripped, JSON blocks found among log lines, the run of
 * `n8n execute --rawOutput` parsed (parseExecuteOutput) and summarised (summarizeRun: a node's
 * output or error).
 */

function stripAnsi(s) {
	// eslint-disable-next-line no-control-regex
	return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '');
}

/**
 * Find every top-level JSON object/array printed in `text` (among log lines) and parse it.
 * A block may start at a line's first non-blank char, or at a '{' / '[' that ends a line after a
 * log prefix (with a timestamped log format the logger prints "hh:mm:ss.mmm   info    {" and
 * appends " { \"file\": ... }" after the closing brace). A string-aware bracket counter finds the end,
 * so braces inside strings and text after the JSON are fine.
 */
function extractJsonBlocks(text) {
	const s = stripAnsi(text).replace(/\r\n/g, '\n');
	const blocks = [];
	let lineStart = 0;
	while (lineStart < s.length) {
		let lineEnd = s.indexOf('\n', lineStart);
		if (lineEnd < 0) lineEnd = s.length;
		const line = s.slice(lineStart, lineEnd);
		const candidates = [];
		const first = line.search(/\S/);
		if (first >= 0 && (line[first] === '{' || line[first] === '['))
			candidates.push(lineStart + first);
		const trimmed = line.trimEnd();
		const last = trimmed.length - 1;
		if (last > first && (trimmed[last] === '{' || trimmed[last] === '['))
			candidates.push(lineStart + last);
		let next = lineEnd + 1;
		for (const j of candidates) {
			const end = scanBalanced(s, j);
			if (end < 0) continue;
			try {
				blocks.push({ start: j, end: end + 1, value: JSON.parse(s.slice(j, end + 1)) });
				const nl = s.indexOf('\n', end + 1);
				next = nl < 0 ? s.length : nl + 1;
				break;
			} catch {
				/* not JSON: try the next candidate */
			}
		}
		lineStart = next;
	}
	return blocks;
}

function scanBalanced(s, start) {
	const open = s[start];
	const close = open === '{' ? '}' : ']';
	let depth = 0;
	let inStr = false;
	for (let k = start; k < s.length; k++) {
		const c = s[k];
		if (inStr) {
			if (c === '\\') k++;
			else if (c === '"') inStr = false;
			continue;
		}
		if (c === '"') inStr = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return c === close ? k : -1;
		}
	}
	return -1;
}

/**
 * Parse the output of `n8n execute --id=X --rawOutput`: the run (IRun-like: { data: { resultData:
 * { runData, lastNodeExecuted, error? } }, status, ... }) printed as JSON among log lines.
 * Returns the last JSON block that looks like a run, or null.
 */
function parseExecuteOutput(stdout) {
	const blocks = extractJsonBlocks(stdout);
	for (let k = blocks.length - 1; k >= 0; k--) {
		const v = blocks[k].value;
		if (v && typeof v === 'object' && !Array.isArray(v) && (v.data?.resultData || v.resultData)) {
			return v;
		}
	}
	return null;
}

/** Helpers over a parsed run. */
function summarizeRun(run) {
	const resultData = run?.data?.resultData ?? run?.resultData ?? {};
	const runData = resultData.runData ?? {};
	const nodeOutput = (nodeName, { runIndex = -1, output = 0 } = {}) => {
		const runs = runData[nodeName];
		if (!runs || runs.length === 0) return undefined;
		const r = runs.at(runIndex);
		const main = r?.data?.main;
		if (!main) return undefined;
		return (main[output] ?? []).map((it) => it.json);
	};
	const nodeError = (nodeName) => {
		const runs = runData[nodeName];
		return runs?.find((r) => r.error)?.error;
	};
	return {
		status: run?.status,
		finished: run?.finished,
		error: resultData.error,
		lastNodeExecuted: resultData.lastNodeExecuted,
		runData,
		nodeOutput,
		nodeError,
		lastNodeOutput: (opts) =>
			resultData.lastNodeExecuted ? nodeOutput(resultData.lastNodeExecuted, opts) : undefined,
	};
}

module.exports = { stripAnsi, extractJsonBlocks, parseExecuteOutput, summarizeRun };
