#!/usr/bin/env node
// The `nastavnik` command (../shared/CLI.md): the same engine as the add-on, over .xlsx files.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist-node', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('nastavnik: программа не собрана, выполните «npm run build».\n');
  process.exit(2);
}
require(cli);
