/*
 * The problem pages' buttons: 催办, 提级, 作废 and the evidence upload call the JSON API with
 * fetch(), asking first in Chinese and showing the API's Chinese error (problem+json detail).
 * Writes send the CSRF token of the page's meta tags when there is one. No inline handlers:
 * listeners are attached here; texts from the server are put in with textContent only.
 */
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function headers(json) {
    var h = { 'Accept': 'application/json, application/problem+json' };
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      h[header] = token;
    }
    return h;
  }

  function show(el, text, ok) {
    if (!el) {
      window.alert(text);
      return;
    }
    el.hidden = false;
    el.textContent = text;
    el.classList.toggle('ok', !!ok);
  }

  /** The Chinese message of a failed answer: detail and each field's error. */
  function failure(response) {
    return response.text().then(function (body) {
      var text = '';
      try {
        var problem = JSON.parse(body);
        text = problem.detail || problem.title || '';
        if (Array.isArray(problem.errors) && problem.errors.length > 0) {
          text = problem.errors.map(function (e) { return e.message; }).join('；');
        }
      } catch (e) {
        text = '';
      }
      if (!text) {
        text = response.status === 401 ? '登录已失效，请刷新页面重新登录'
          : response.status === 403 ? '无权进行此操作'
          : '操作未完成（HTTP ' + response.status + '），请稍后重试';
      }
      return text;
    });
  }

  function call(url, body, status, done) {
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers(true),
      body: JSON.stringify(body || {}) })
      .then(function (response) {
        if (response.ok) {
          show(status, done, true);
          window.setTimeout(function () { window.location.reload(); }, 800);
          return;
        }
        return failure(response).then(function (text) { show(status, text, false); });
      })
      .catch(function () { show(status, '网络异常，操作未完成，请稍后重试', false); });
  }

  function act(button) {
    var id = document.body.getAttribute('data-problem');
    var status = document.getElementById('action-status');
    var base = '/api/problems/' + encodeURIComponent(id);
    var action = button.getAttribute('data-action');
    var busy = function (p) {
      button.disabled = true;
      Promise.resolve(p).then(function () { button.disabled = false; });
    };
    if (action === 'urge') {
      var note = window.prompt('确定对该问题人工催办吗？可填写催办说明（可不填）：', '');
      if (note === null) { return; }
      busy(call(base + '/urge', note.trim() ? { comment: note.trim() } : {}, status, '已催办，正在刷新…'));
    } else if (action === 'raise') {
      var reason = window.prompt('确定将该问题提升一级预警吗？请填写提级理由（可不填，默认“领导交办”）：', '');
      if (reason === null) { return; }
      busy(call(base + '/raise', reason.trim() ? { comment: reason.trim() } : {}, status, '已提级，正在刷新…'));
    } else if (action === 'void') {
      var why = window.prompt('作废后流程终止、撤销扣分并告知责任单位，且不可恢复。请填写作废原因：', '');
      if (why === null) { return; }
      if (!why.trim()) { show(status, '请填写作废原因', false); return; }
      if (!window.confirm('确定作废该问题吗？')) { return; }
      busy(call(base + '/void', { reason: why.trim() }, status, '已作废，正在刷新…'));
    } else if (action === 'print-page') {
      window.print();
    }
  }

  function upload(form) {
    var status = document.getElementById('upload-status');
    var files = form.querySelector('input[type=file]').files;
    if (!files || files.length === 0) { show(status, '请选择要上传的文件', false); return; }
    if (!window.confirm('确定上传 ' + files.length + ' 个文件作为整改佐证材料吗？')) { return; }
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    var h = headers(false);
    fetch(form.getAttribute('action'), { method: 'POST', credentials: 'same-origin', headers: h,
      body: new FormData(form) })
      .then(function (response) {
        if (response.ok) {
          show(status, '上传成功，正在刷新…', true);
          window.setTimeout(function () { window.location.reload(); }, 800);
          return;
        }
        return failure(response).then(function (text) { show(status, text, false); });
      })
      .catch(function () { show(status, '网络异常，上传未完成，请稍后重试', false); })
      .then(function () { button.disabled = false; });
  }

  /** 打印: the document opened in a new window, printed once loaded. */
  function printDocument(link) {
    var w = window.open(link.getAttribute('data-print'), '_blank');
    if (!w) { return true; }
    try {
      w.addEventListener('load', function () { w.focus(); w.print(); });
    } catch (e) {
      // opened all the same: the reader prints it from the browser's menu
    }
    return false;
  }

  /** Registration: the officer list shows the chosen unit's officers first. */
  function officersOfUnit() {
    var unit = document.getElementById('unitCode');
    var officer = document.getElementById('officerNo');
    if (!unit || !officer) { return; }
    var filter = function () {
      Array.prototype.forEach.call(officer.querySelectorAll('optgroup'), function (g) {
        var mine = !unit.value || g.getAttribute('data-unit') === unit.value;
        g.hidden = !mine;
        g.disabled = !mine;
      });
      var chosen = officer.options[officer.selectedIndex];
      if (chosen && chosen.parentNode.tagName === 'OPTGROUP' && chosen.parentNode.disabled) {
        officer.value = '';
      }
    };
    unit.addEventListener('change', filter);
    filter();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-action]');
      if (button) { act(button); return; }
      var print = e.target.closest('a[data-print]');
      if (print && !printDocument(print)) { e.preventDefault(); }
    });
    var form = document.getElementById('evidence-form');
    var files = document.getElementById('evidence-files');
    var names = document.getElementById('file-names');
    if (files && names) {
      files.addEventListener('change', function () {
        names.textContent = files.files.length === 0 ? '未选择文件'
          : Array.prototype.map.call(files.files, function (f) { return f.name; }).join('、');
      });
    }
    if (form) {
      form.addEventListener('submit', function (e) { e.preventDefault(); upload(form); });
    }
    officersOfUnit();
  });
}());
