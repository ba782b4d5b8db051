// 免登 (templates/login/dingtalk.ftl): inside DingTalk, ask dd.requestAuthCode for a code and post
// it with the redirect to POST /dingtalk/login. Outside DingTalk, say "请在钉钉中打开" — unless the
// demo's fake DingTalk, playing the DingTalk container, handed the page a code in the fragment
// (#authCode=…): that code, too, is only good once the server has exchanged it with the DingTalk
// server it is configured with (in production DingTalk itself).
(function () {
  'use strict';
  var form = document.getElementById('dingtalk-login');

  function show(id) {
    ['working', 'outside', 'failed'].forEach(function (section) {
      document.getElementById(section).hidden = section !== id;
    });
  }

  function post(code) {
    form.elements.code.value = code;
    form.submit();
  }

  var dd = window.dd;
  var inDingTalk = !!(dd && dd.env && dd.env.platform && dd.env.platform !== 'notInDingTalk');
  if (inDingTalk) {
    var ready = typeof dd.ready === 'function' ? dd.ready.bind(dd) : function (run) { run(); };
    ready(function () {
      dd.requestAuthCode({ corpId: form.dataset.corpId, clientId: form.dataset.clientId })
        .then(function (answer) {
          if (answer && answer.code) {
            post(answer.code);
          } else {
            show('failed');
          }
        })
        .catch(function () {
          show('failed');
        });
    });
    return;
  }
  var given = /(?:^#|&)authCode=([^&]+)/.exec(window.location.hash);
  if (given) {
    // the code leaves the address bar (and the history) before it is used
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    post(decodeURIComponent(given[1]));
    return;
  }
  show('outside');
}());
