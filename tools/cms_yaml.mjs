// Writes data files exactly as the browser editor (Decap CMS, pinned in package-lock.json) saves them:
// its own YAML module (decap-cms-core/dist/esm/formats/yaml.js) reads a file and writes it back, top-level
// keys in the order of the form's fields, comments dropped, no anchors.
//
// Reads a JSON job on stdin: {"check": bool, "files": [{"path": "...", "order": ["key", ...]}]}.
// Rewrites each file (or, with "check", only lists those that would change) and prints the changed paths as
// JSON. Run by tools/cms.py; never by hand.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const core = join(here, "node_modules", "decap-cms-core");
const requireFromCore = createRequire(join(core, "package.json"));
const formats = join(core, "dist", "esm", "formats");

// The editor's module, loaded as it is: only its two imports are pointed at files node can resolve.
const helpers = readFileSync(join(formats, "helpers.js"), "utf8");
const source = readFileSync(join(formats, "yaml.js"), "utf8")
  .replace("import yaml from 'yaml';", `import yaml from ${JSON.stringify(pathToFileURL(requireFromCore.resolve("yaml")).href)};`)
  .replace("import { sortKeys } from './helpers';", helpers.replace(/^export /gm, ""));
if (!source.includes("sortKeys(sortedKeys")) {
  throw new Error("decap-cms-core's formats/yaml.js changed: review tools/cms_yaml.mjs against the new version");
}
const { default: yamlFormatter } = await import("data:text/javascript," + encodeURIComponent(source));

// What the editor holds between reading and writing: Immutable.js data (fromJS), written back with toJS.
// A mapping of more than eight keys comes back in Immutable's own (hash, but fixed) order, not the file's;
// a file already in that order keeps it, so a save in the editor changes only the lines it edits. A value
// an alias pointed at is written out in full.
const { fromJS } = requireFromCore("immutable");
const plain = (value) => fromJS(value).toJS();

const job = JSON.parse(readFileSync(0, "utf8"));
const changed = [];
for (const file of job.files) {
  const before = readFileSync(file.path, "utf8");
  let after = yamlFormatter.toFile(plain(yamlFormatter.fromFile(before)), file.order || [], {});
  if (after.slice(-1) !== "\n") after += "\n";  // as the editor's backend does (entryToRaw)
  if (after !== before) {
    changed.push(file.path);
    if (!job.check) writeFileSync(file.path, after);
  }
}
process.stdout.write(JSON.stringify(changed));
