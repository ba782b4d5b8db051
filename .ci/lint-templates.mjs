// Checks the element templates of processes/element-templates (what Camunda Modeler shows a
// process owner for a service task) and their use in processes/*.bpmn; fails on any finding:
// - every template is valid against the Camunda 7 element-templates schema, with
//   @bpmn-io/element-templates-validator, the validator the Modeler itself uses;
// - every template is used by at least one task, and every camunda:modelerTemplate names an
//   existing template at its version;
// - every service task whose delegate expression is a template's fixed (Hidden) delegate carries
//   camunda:modelerTemplate;
// - a task with a template has exactly what the template gives it: the Hidden values, a Dropdown
//   value among its choices, no input parameter the template does not declare, and a missing
//   input parameter only where the template's property is optional with an empty default — so
//   the Modeler shows the task as "template applied" and changes nothing when it opens the model.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAll } from '@bpmn-io/element-templates-validator';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const templatesDir = process.env.TEMPLATES_DIR || 'processes/element-templates';
const modelsDir = process.env.MODELS_DIR || 'processes';
const errors = [];
const fail = (message) => errors.push(message);

const templates = new Map();
for (const name of readdirSync(templatesDir).filter((n) => n.endsWith('.json')).sort()) {
  const json = JSON.parse(readFileSync(join(templatesDir, name), 'utf8'));
  const list = Array.isArray(json) ? json : [json];
  const { valid, results } = validateAll(list);
  if (!valid) fail(`${name}: not valid`);
  for (const result of results) {
    for (const error of result.errors || []) {
      fail(`${name}: ${result.object && result.object.id}: ${error.message}`
        + `${error.instancePath ? ` at ${error.instancePath}` : ''}`);
    }
  }
  for (const template of list) {
    if (templates.has(template.id)) fail(`${name}: template ${template.id} is defined twice`);
    templates.set(template.id, template);
  }
}

const hiddenDelegate = (template) => (template.properties || []).find((p) => p.type === 'Hidden'
  && p.binding.type === 'property' && p.binding.name === 'camunda:delegateExpression')?.value;
const byDelegate = new Map();
for (const template of templates.values()) {
  const delegate = hiddenDelegate(template);
  if (delegate) byDelegate.set(delegate, [...(byDelegate.get(delegate) || []), template.id]);
}

function inputParameters(element) {
  const io = (element.extensionElements?.values || []).find((v) => v.$type === 'camunda:InputOutput');
  const params = new Map();
  for (const p of io?.inputParameters || []) {
    params.set(p.name, p.definition ? undefined : (p.value ?? ''));
  }
  return params;
}

function checkTask(where, element, template) {
  const version = element.get('camunda:modelerTemplateVersion');
  if (template.version !== undefined && version !== template.version) {
    fail(`${where}: camunda:modelerTemplateVersion ${version} but ${template.id} is version ${template.version}`);
  }
  if (!(template.appliesTo || []).some((type) => element.$instanceOf(type))) {
    fail(`${where}: ${template.id} applies to ${template.appliesTo}, not to ${element.$type}`);
  }
  const params = inputParameters(element);
  const declared = new Set();
  for (const property of template.properties || []) {
    const { binding } = property;
    const label = property.label || binding.name;
    if (binding.type === 'property') {
      const actual = element.get(binding.name);
      if (property.type === 'Hidden' && actual !== property.value) {
        fail(`${where}: ${binding.name} is ${actual} but ${template.id} fixes it to ${property.value}`);
      }
      if (property.type === 'Dropdown' && !property.choices.some((c) => c.value === actual)) {
        fail(`${where}: ${binding.name} ${actual} is none of ${template.id}'s choices for ${label}`);
      }
      continue;
    }
    if (binding.type !== 'camunda:inputParameter') {
      fail(`${where}: ${template.id} binds ${binding.type}, which this check does not know`);
      continue;
    }
    declared.add(binding.name);
    if (!params.has(binding.name)) {
      if (!(property.optional && (property.value ?? '') === '')) {
        fail(`${where}: input parameter ${binding.name} (${label}) missing; ${template.id} would add it`);
      }
      continue;
    }
    const actual = params.get(binding.name);
    if (property.type === 'Hidden' && actual !== property.value) {
      fail(`${where}: input ${binding.name} is ${actual} but ${template.id} fixes it to ${property.value}`);
    }
    if (property.type === 'Dropdown' && !property.choices.some((c) => c.value === actual)) {
      fail(`${where}: input ${binding.name} = ${actual} is none of ${template.id}'s choices for ${label}`);
    }
  }
  for (const name of params.keys()) {
    if (!declared.has(name)) fail(`${where}: input parameter ${name} is not declared by ${template.id}`);
  }
}

const moddle = new BpmnModdle({ camunda });
const used = new Set();
let tasks = 0;
for (const file of readdirSync(modelsDir).filter((n) => n.endsWith('.bpmn')).sort()) {
  const { rootElement, elementsById, warnings } = await moddle.fromXML(readFileSync(join(modelsDir, file), 'utf8'));
  warnings.forEach((w) => fail(`${file}: ${w.message}`));
  for (const element of Object.values(elementsById || {})) {
    if (!element.$instanceOf || !element.$instanceOf('bpmn:FlowNode')) continue;
    const where = `${file}: ${element.id} (${element.name || element.$type})`;
    const templateId = element.get('camunda:modelerTemplate');
    const delegate = element.get('camunda:delegateExpression');
    if (templateId) {
      tasks += 1;
      used.add(templateId);
      const template = templates.get(templateId);
      if (!template) {
        fail(`${where}: camunda:modelerTemplate ${templateId} names no template in ${templatesDir}`);
      } else {
        checkTask(where, element, template);
      }
    } else if (element.$type === 'bpmn:ServiceTask' && byDelegate.has(delegate)) {
      fail(`${where}: ${delegate} is the delegate of ${byDelegate.get(delegate).join(', ')}, `
        + 'but the task carries no camunda:modelerTemplate');
    }
  }
  void rootElement;
}
for (const id of templates.keys()) {
  if (!used.has(id)) fail(`template ${id} is used by no task in ${modelsDir}/*.bpmn: use it or remove it`);
}

if (errors.length > 0) {
  errors.forEach((e) => console.error(e));
  console.error(`element templates: ${errors.length} finding(s)`);
  process.exit(1);
}
console.log(`element templates: ${templates.size} template(s) valid, each used; ${tasks} task(s) carry theirs`);
