<#-- The complainant's phone for the call back (回访): shown only to the person holding the open call back task. -->
<#import "layout.ftl" as layout>
<@layout.page title="回访联系电话" bodyClass="intake-contact">
<section class="card" id="contact">
  <h1>回访：${f.ticket()}</h1>
  <dl class="facts">
    <div><dt>诉求人</dt><dd>${name}</dd></div>
    <div><dt>联系电话</dt><dd><#if phone?has_content><a id="phone" href="tel:${phone}">${phone}</a><#else>（未提供）</#if></dd></div>
  </dl>
  <p class="description">${f.content()}</p>
  <p>联系电话仅用于本次回访，请勿记录、转发；本次查看已留痕。回访后请回到待办任务填写回访结果。</p>
  <p><a href="/camunda/app/tasklist/default/">返回待办任务</a></p>
</section>
</@layout.page>
