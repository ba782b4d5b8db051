<#-- A short answer page: 404, 403, 400 (title, text). -->
<#import "layout.ftl" as layout>
<@layout.page title=title bodyClass="message">
<section class="card">
  <h1>${title}</h1>
  <p>${text}</p>
  <p><a href="/problems">返回问题列表</a></p>
</section>
</@layout.page>
