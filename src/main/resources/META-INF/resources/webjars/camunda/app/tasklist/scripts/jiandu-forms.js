// Jiandu (监督): the texts form-js 1.x writes itself, in Chinese, and the server's field
// errors shown next to their fields. Loaded as a custom script (config.js, customScripts).
//
// Camunda 7.24's Tasklist creates its form-js Form without any option (no i18n or
// translation module: form-js 1.x has none, its messages are English literals), so the
// texts are translated where they appear: a MutationObserver over the page rewrites the
// validation messages, the placeholders, the date picker and the accessible labels.

const EXACT = {
  'Field is required.': '此项为必填项',
  'Field must be a valid email.': '请填写有效的电子邮箱地址',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请填写有效的国际电话号码（如 +8613800000000）',
  'Select': '请选择',
  'Search': '请选择，可输入文字筛选',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Date': '日期',
  'Time': '时间',
  'Increment': '增加',
  'Decrement': '减少',
  'Clear': '清除',
  'Remove': '移除',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Month': '月',
  'Year': '年',
  'Hour': '时',
  'Minute': '分',
  'Sun': '日', 'Mon': '一', 'Tue': '二', 'Wed': '三', 'Thu': '四', 'Fri': '五', 'Sat': '六'
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
MONTHS.forEach((month, i) => {
  EXACT[month] = (i + 1) + '月';
  EXACT[month.substring(0, 3)] = (i + 1) + '月';
});

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1'],
  [/^Field must have minimum length of (\d+)\.$/, '至少 $1 个字'],
  [/^Field must have maximum length of (\d+)\.$/, '最多 $1 个字'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求：$1'],
  [/^Date must match pattern .*$/, '日期格式不正确'],
  [/^Time must match pattern .*$/, '时间格式不正确（时:分）']
];

/** mm/dd/yyyy, yyyy/mm/dd, dd.mm.yyyy … and hh:mm (?m): the parts in Chinese, the order kept */
function placeholder(text) {
  if (/^[ymd]{1,4}([./-][ymd]{1,4}){2}$/i.test(text)) {
    return text.replace(/y+/gi, '年').replace(/m+/gi, '月').replace(/d+/gi, '日');
  }
  if (text === 'hh:mm') {
    return '时:分';
  }
  if (text === 'hh:mm ?m') {
    return '时:分 上午/下午';
  }
  return null;
}

function translate(text) {
  if (!text) {
    return null;
  }
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, trimmed)) {
    return text.replace(trimmed, EXACT[trimmed]);
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, replacement);
    }
  }
  return null;
}

// only what form-js and its date picker render is touched, never the process owner's texts
const SCOPES = '.fjs-container, .flatpickr-calendar, .fjs-dropdownlist';

function inScope(element) {
  return element && element.closest && element.closest(SCOPES);
}

function translateElement(element) {
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    const value = element.getAttribute && element.getAttribute(attribute);
    if (value) {
      const chinese = attribute === 'placeholder' ? placeholder(value) || translate(value) : translate(value);
      if (chinese && chinese !== value) {
        element.setAttribute(attribute, chinese);
      }
    }
  }
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || !inScope(parent) || parent.closest('.fjs-form-field-text, .markup')) {
    return;
  }
  // a label or description the process owner wrote stays as it is: only form-js's own words
  if (parent.closest('.fjs-form-field-label, .fjs-form-field-description')
      && !parent.closest('.fjs-datetime-subsection')) {
    return;
  }
  const chinese = translate(node.nodeValue);
  if (chinese && chinese !== node.nodeValue) {
    node.nodeValue = chinese;
  }
}

function walk(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (inScope(root)) {
    translateElement(root);
  }
  root.querySelectorAll(SCOPES).forEach(scope => {
    translateElement(scope);
    scope.querySelectorAll('[placeholder], [aria-label], [title]').forEach(translateElement);
    const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      translateText(text);
    }
  });
  if (inScope(root)) {
    root.querySelectorAll('[placeholder], [aria-label], [title]').forEach(translateElement);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      translateText(text);
    }
  }
}

const observer = new MutationObserver(mutations => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    } else if (mutation.type === 'attributes') {
      if (inScope(mutation.target)) {
        translateElement(mutation.target);
      }
    } else {
      mutation.addedNodes.forEach(walk);
    }
  }
});

function start() {
  walk(document.body);
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title']
  });
}

// --- the server's refusal of a form (400 with errors[]) shown next to each field ---------

const SERVER_ERROR = 'jiandu-server-error';

function fieldElement(key) {
  const input = document.querySelector('.fjs-container [id$="-Field_' + CSS.escape(key) + '"]');
  return input ? input.closest('.fjs-form-field') : null;
}

function showFieldErrors(errors) {
  document.querySelectorAll('.' + SERVER_ERROR).forEach(e => e.remove());
  for (const error of errors || []) {
    const field = error && error.field ? fieldElement(error.field) : null;
    if (!field) {
      continue;
    }
    const box = document.createElement('div');
    box.className = 'fjs-form-field-error ' + SERVER_ERROR;
    box.setAttribute('aria-live', 'polite');
    const list = document.createElement('ul');
    const item = document.createElement('li');
    item.textContent = error.message;
    list.appendChild(item);
    box.appendChild(list);
    field.appendChild(box);
    field.classList.add('fjs-has-errors');
    const clear = () => {
      box.remove();
      field.classList.remove('fjs-has-errors');
    };
    field.addEventListener('input', clear, {once: true});
    field.addEventListener('change', clear, {once: true});
  }
}

const SUBMISSION = /\/(submit-form|complete|start)$/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (String(method).toUpperCase() === 'POST' && SUBMISSION.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status !== 400) {
        return;
      }
      try {
        const body = JSON.parse(this.responseText);
        showFieldErrors(body.errors);
      } catch (notJson) {
        // not the app's refusal: the Tasklist shows what it got
      }
    });
  }
  return open.apply(this, arguments);
};

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}

export default [];
