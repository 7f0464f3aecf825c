// Validates N-Quads read from stdin against the SHACL shapes files given as arguments, with
// rdf-validate-shacl (an ES module, hence a script of its own); prints the report as JSON.
import fs from 'node:fs';
import process from 'node:process';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const read = (text, format) => new Store(new Parser({ format }).parse(text));
const data = read(fs.readFileSync(0, 'utf8'), 'N-Quads');
const out = {};
for (const file of process.argv.slice(2)) {
  const shapes = read(fs.readFileSync(file, 'utf8'), 'Turtle');
  const report = new SHACLValidator(shapes).validate(data);
  out[file] = {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: r.severity?.value,
      focusNode: r.focusNode?.value,
      path: r.path?.value,
      message: r.message.map((m) => m.value),
      sourceShape: r.sourceShape?.value,
    })),
  };
}
process.stdout.write(JSON.stringify({ triples: data.size, reports: out }));
