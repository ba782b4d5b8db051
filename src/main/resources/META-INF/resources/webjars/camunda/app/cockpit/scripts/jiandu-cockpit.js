// Jiandu (监督): the Cockpit lists a process's running instances by problem (问题列表):
// the business key is the problem's number, and beside it its title, level and unit, with
// a link to the problem page. Loaded as a custom script (config.js, customScripts).

const COLUMNS = ['问题编号', '问题标题', '预警等级', '责任单位', '流程实例', '问题详情'];
const LEVEL_COLOURS = {'蓝色': '#1f6fb2', '黄色': '#b8860b', '红色': '#c9302c'};

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content == null ? '' : String(content);
  }
  row.appendChild(td);
  return td;
}

function link(text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  return a;
}

async function getJson(api, path) {
  const response = await fetch(api.engineApi + path, {
    credentials: 'same-origin',
    headers: {'Accept': 'application/json'}
  });
  if (!response.ok) {
    throw new Error(String(response.status));
  }
  return response.json();
}

async function render(node, {api, processDefinitionId}) {
  node.innerHTML = '';
  const note = document.createElement('p');
  note.textContent = '正在加载…';
  node.appendChild(note);
  try {
    const instances = await getJson(api, '/process-instance?processDefinitionId='
        + encodeURIComponent(processDefinitionId) + '&sortBy=businessKey&sortOrder=desc&maxResults=200');
    const byInstance = {};
    if (instances.length) {
      const variables = await getJson(api, '/variable-instance?variableNameIn=problemTitle,levelLabel,unitName'
          + '&processInstanceIdIn=' + instances.map(i => i.id).join(','));
      for (const variable of variables) {
        (byInstance[variable.processInstanceId] = byInstance[variable.processInstanceId] || {})[variable.name]
            = variable.value;
      }
    }
    node.innerHTML = '';
    const table = document.createElement('table');
    table.className = 'cam-table jiandu-problems';
    const head = table.createTHead().insertRow();
    COLUMNS.forEach(title => {
      const th = document.createElement('th');
      th.textContent = title;
      head.appendChild(th);
    });
    const body = table.createTBody();
    for (const instance of instances) {
      const v = byInstance[instance.id] || {};
      const row = body.insertRow();
      cell(row, instance.businessKey);
      cell(row, v.problemTitle);
      const level = cell(row, v.levelLabel);
      level.style.color = LEVEL_COLOURS[v.levelLabel] || '';
      level.style.fontWeight = 'bold';
      cell(row, v.unitName);
      cell(row, link(instance.id.substring(0, 8), '#/process-instance/' + encodeURIComponent(instance.id)
          + '/runtime'));
      cell(row, instance.businessKey
          ? link('查看', '/problems/' + encodeURIComponent(instance.businessKey)) : '');
    }
    node.appendChild(table);
    const count = document.createElement('p');
    count.textContent = instances.length === 200 ? '仅显示问题编号最大的 200 个' : '共 ' + instances.length + ' 个';
    node.appendChild(count);
  } catch (error) {
    note.textContent = '问题列表加载失败（' + error.message + '）';
  }
}

export default [{
  id: 'jiandu.processDefinition.problems',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  priority: 20,
  label: '问题列表',
  render: (node, props) => {
    render(node, props);
  }
}];
