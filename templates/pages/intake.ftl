<#-- A ticket of the public (群众诉求): the complainant masked; the phone only on the call back's contact page. -->
<#import "layout.ftl" as layout>
<@layout.page title="群众诉求 " + f.ticket() bodyClass="intake">
<section class="card" id="intake">
  <div class="badges">
    <span class="badge status" id="status">${f.status().label()}</span>
  </div>
  <h1 id="title">${f.ticket()}</h1>
  <dl class="facts">
    <#list facts as x>
    <div><dt>${x.label}</dt><dd>${x.value}</dd></div>
    </#list>
  </dl>
  <p class="description" id="content">${f.content()}</p>
  <#if f.problemId()??>
  <p><a id="problem-link" href="/problems/${f.problemId()?c}">查看关联问题（编号 ${f.problemId()?c}）</a></p>
  </#if>
  <#if mayCall>
  <p><a id="contact-link" href="/intakes/${f.id()?c}/contact">查看诉求人联系电话并回访</a></p>
  </#if>
</section>
<section class="card" id="calls">
  <h2>回访记录</h2>
  <#if calls?has_content>
  <table>
    <thead><tr><th>时间</th><th>回访人</th><th>次数</th><th>结果</th><th>情况</th><th>复核</th></tr></thead>
    <tbody>
    <#list calls as c>
    <tr><td>${c.at}</td><td>${c.who}</td><td>${c.round}</td><td>${c.outcome}</td><td>${c.note}</td><td>${c.review}</td></tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p>尚未回访。</p>
  </#if>
</section>
</@layout.page>
