// Validates the element templates of processes/element-templates (what Camunda Modeler shows a
// process owner for a service task) against the Camunda 7 element-templates schema, with
// @bpmn-io/element-templates-validator, the validator the Modeler itself uses; fails on any error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAll } from '@bpmn-io/element-templates-validator';

const dir = 'processes/element-templates';
let failed = false;
let count = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  const templates = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const list = Array.isArray(templates) ? templates : [templates];
  const { valid, results } = validateAll(list);
  count += list.length;
  if (!valid) failed = true;
  for (const result of results) {
    for (const error of result.errors || []) {
      failed = true;
      console.error(`${name}: ${result.object && result.object.id}: ${error.message}`
        + `${error.instancePath ? ` at ${error.instancePath}` : ''}`);
    }
  }
}
if (failed) process.exit(1);
console.log(`element templates: ${count} template(s) valid`);
