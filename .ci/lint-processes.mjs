// Lints every BPMN model in processes/ with bpmnlint (.bpmnlintrc: recommended rules and
// the Camunda 7.24 compatibility rules); fails when any model has an error.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function models(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return models(path);
    return path.endsWith('.bpmn') ? [path] : [];
  });
}

const files = models('processes');
if (files.length === 0) {
  console.log('bpmnlint: no BPMN model in processes/');
  process.exit(0);
}
const result = spawnSync('npx', ['--no-install', 'bpmnlint', ...files], { stdio: 'inherit' });
if (result.status === 0) console.log(`bpmnlint: ${files.length} model(s) clean`);
process.exit(result.status ?? 1);
