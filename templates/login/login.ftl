<#-- The one login page (security/LoginPage): every surface of Jiandu sends people here. -->
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<#if csrfToken?has_content>
<meta name="_csrf" content="${csrfToken}">
<meta name="_csrf_header" content="${csrfHeader}">
</#if>
<title>登录 · 监督 执法监督工作平台</title>
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
  form { padding: 24px 28px 28px; }
  label { display: block; font-size: 14px; margin: 14px 0 6px; }
  input[type=text], input[type=password] { width: 100%; padding: 10px 12px; font-size: 16px;
         border: 1px solid #c5cfdb; border-radius: 4px; }
  input:focus { outline: 2px solid #3d7bd9; border-color: #3d7bd9; }
  button { width: 100%; margin-top: 22px; padding: 11px; font-size: 16px; letter-spacing: 4px; color: #fff;
         background: #1d4f91; border: 0; border-radius: 4px; cursor: pointer; }
  button:hover { background: #173f74; }
  .message { margin: 0 0 4px; padding: 10px 12px; border-radius: 4px; font-size: 14px; line-height: 1.6; }
  .error { background: #fdecea; color: #b3261e; border: 1px solid #f5c2bd; }
  .notice { background: #e8f4ea; color: #1e6b34; border: 1px solid #b9dfc2; }
  .hint { margin: 18px 0 0; font-size: 12px; color: #6b7a8c; line-height: 1.6; }
</style>
</head>
<body>
<main>
  <header>
    <h1>监督</h1>
    <p>执法监督工作平台 · 请登录</p>
  </header>
  <form method="post" action="${action}" autocomplete="on">
    <#if error?has_content><p class="message error" id="login-error" role="alert">${error}</p></#if>
    <#if notice?has_content><p class="message notice" id="login-notice">${notice}</p></#if>
    <label for="username">用户名（警号）</label>
    <input type="text" id="username" name="username" value="${username}" required autofocus
           autocapitalize="off" autocorrect="off" spellcheck="false">
    <label for="password">密码</label>
    <input type="password" id="password" name="password" required autocomplete="current-password">
    <input type="hidden" name="redirect" value="${redirect}">
    <#if csrfToken?has_content><input type="hidden" name="${csrfParameter}" value="${csrfToken}"></#if>
    <button type="submit" id="login-submit">登录</button>
    <p class="hint">一次登录即可使用问题页面、数据大屏、监督报告和任务列表（Tasklist）、流程监控（Cockpit）。
      连续输错密码，账号会被暂时锁定。</p>
  </form>
</main>
</body>
</html>
