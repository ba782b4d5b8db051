<#-- 免登 refused (security/DingTalkLogin#refuse): what happened, what to do; no session was started. -->
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>钉钉登录未成功 · 监督</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #eef2f7;
         color: #1f2d3d; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
  main { max-width: 420px; margin: 16px; padding: 28px; background: #fff; border-radius: 8px;
         box-shadow: 0 4px 24px rgba(31, 45, 61, .12); }
  h1 { margin: 0 0 12px; font-size: 20px; color: #b3261e; }
  p { line-height: 1.7; }
  a { color: #1d4f91; }
</style>
</head>
<body>
<main>
  <h1>钉钉登录未成功</h1>
  <p id="message">${message}</p>
  <p id="advice">${advice}</p>
  <p><a id="password-login" href="${login}">用账号密码登录</a></p>
</main>
</body>
</html>
