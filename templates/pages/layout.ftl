<#--
  The frame of the problem pages (问题详情页, 问题列表, 登记问题): head with the CSRF token's
  meta tags when Spring Security gives one (the page's script sends it with every write), the
  stylesheet and script served by the app (no CDN), a top bar. Everything interpolated is
  HTML-escaped (auto-escaping): what users typed stays text.
-->
<#macro page title bodyClass="" problemId="">
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#if csrf??>
<meta name="_csrf" content="${csrf.token}">
<meta name="_csrf_header" content="${csrf.headerName}">
<meta name="_csrf_parameter" content="${csrf.parameterName}">
</#if>
<title>${title} - 执法监督</title>
<link rel="stylesheet" href="/problems/assets/pages.css">
<script src="/problems/assets/pages.js" defer></script>
</head>
<body class="${bodyClass}"<#if problemId?has_content> data-problem="${problemId}"</#if>>
<header class="bar">
  <a class="home" href="/problems">执法监督 · 问题</a>
  <nav><a href="/problems">问题列表</a> <a href="/camunda/app/tasklist/default/">待办任务</a><#if csrf??>
    <form class="logout" method="post" action="/logout"><input type="hidden" name="${csrf.parameterName}" value="${csrf.token}"><button type="submit" id="logout">退出</button></form></#if></nav>
</header>
<main>
<#nested>
</main>
</body>
</html>
</#macro>
