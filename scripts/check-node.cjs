// `npm install` / `npm ci` run this first (the preinstall script), before any dependency is
// fetched: WXT 0.21 needs Node 22 and Vitest 5 Node 22.12, so an older Node stops here with what to
// do, rather than with EBADENGINE warnings and a build that fails later. Plain CommonJS and ES5-ish
// syntax, so that even a very old Node can print the message.
'use strict';
var required = require('../package.json').engines.node;
var parts = process.versions.node.split('.').map(Number);
var major = parts[0];
var minor = parts[1];
// The range in package.json: ^22.12.0 || ^24.0.0 || >=26.0.0.
var ok = (major === 22 && minor >= 12) || major === 24 || major >= 26;
if (!ok) {
  console.error(
    '\nCouncil Lens needs Node ' + required + '; this is Node ' + process.versions.node + '.\n' +
    'Run ./scripts/run.sh instead (it installs a supported Node for this folder from the npm registry),\n' +
    'or install Node 22 LTS yourself (https://nodejs.org) and run npm again.\n'
  );
  process.exit(1);
}
