<#-- 免登 (security/DingTalkLogin): inside DingTalk the page asks dd.requestAuthCode for a code
     and posts it (static/dingtalk/login.js); outside DingTalk it says so and links to the login page. -->
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>钉钉登录 · 监督 执法监督工作平台</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         background: #eef2f7; color: #1f2d3d;
         font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
  main { width: 100%; max-width: 380px; margin: 16px; background: #fff; border-radius: 8px;
         box-shadow: 0 4px 24px rgba(31, 45, 61, .12); overflow: hidden; }
  header { background: #1d4f91; color: #fff; padding: 22px 28px; }
  header h1 { margin: 0; font-size: 22px; letter-spacing: 2px; }
  header p { margin: 6px 0 0; font-size: 14px; opacity: .85; }
  section { padding: 24px 28px 28px; line-height: 1.7; font-size: 15px; }
  h2 { margin: 0 0 10px; font-size: 18px; }
  .hint { font-size: 13px; color: #6b7a8c; }
  a.button { display: block; margin-top: 18px; padding: 11px; text-align: center; font-size: 16px; color: #fff;
         background: #1d4f91; border-radius: 4px; text-decoration: none; letter-spacing: 2px; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<main>
  <header>
    <h1>监督</h1>
    <p>执法监督工作平台 · 钉钉免登</p>
  </header>
  <section id="working">
    <h2 id="working-title">正在通过钉钉登录…</h2>
    <p class="hint">稍候即可打开您要办理的问题或任务。</p>
  </section>
  <section id="outside" hidden>
    <h2>请在钉钉中打开</h2>
    <p>这个链接用于在钉钉中免密码登录。请在钉钉里点开消息中的链接；不在钉钉中时，请用账号密码登录。</p>
    <a class="button" id="password-login" href="${login}">用账号密码登录</a>
  </section>
  <section id="failed" hidden>
    <h2>钉钉未能给出登录码</h2>
    <p id="failed-detail">请关闭本页，在钉钉中重新点开消息里的链接；也可以用账号密码登录。</p>
    <a class="button" href="${login}">用账号密码登录</a>
  </section>
  <noscript><section><p>请允许本页运行脚本，或 <a href="${login}">用账号密码登录</a>。</p></section></noscript>
  <form id="dingtalk-login" method="post" action="${action}" hidden
        data-corp-id="${corpId}" data-client-id="${clientId}">
    <input type="hidden" name="code" value="">
    <input type="hidden" name="redirect" value="${redirect}">
    <#if csrfToken?has_content><input type="hidden" name="${csrfParameter}" value="${csrfToken}"></#if>
  </form>
</main>
<script src="${scripts}dingtalk-jsapi.js"></script>
<script src="${scripts}login.js"></script>
</body>
</html>
