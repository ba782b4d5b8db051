<#--
  The problems the viewer may see (问题列表), GET /problems: filters unit (bureau-wide
  viewers only), level, status, text; 20 a page, newest first. Model from
  cn.jiandu.page.ProblemPages#list.
-->
<#import "layout.ftl" as layout>
<@layout.page title="问题列表" bodyClass="list">
<section class="card">
  <div class="title-row">
    <h1>问题列表</h1>
    <#if mayRegister><a class="button" href="/problems/new">登记问题</a></#if>
  </div>
  <form class="filters" method="get" action="/problems">
    <#if seesBureau>
    <label>责任单位
      <select name="unit">
        <option value="">全部单位</option>
        <#list units as u><option value="${u.value}"<#if u.selected> selected</#if>>${u.text}</option></#list>
      </select>
    </label>
    </#if>
    <label>预警等级
      <select name="level">
        <option value="">全部等级</option>
        <#list levels as l><option value="${l.value}"<#if l.selected> selected</#if>>${l.text}</option></#list>
      </select>
    </label>
    <label>状态
      <select name="status">
        <option value="">全部状态</option>
        <#list statuses as s><option value="${s.value}"<#if s.selected> selected</#if>>${s.text}</option></#list>
      </select>
    </label>
    <label>关键词<input type="search" name="q" value="${q}" maxlength="100" placeholder="标题或描述"></label>
    <button type="submit">查询</button>
  </form>
  <p class="meta" id="total">共 ${total?c} 个问题，第 ${pageNo?c}/${pages?c} 页</p>
  <#if rows?has_content>
  <table class="problems">
    <thead><tr><th>编号</th><th>标题</th><th>等级</th><th>状态</th><th>责任单位</th><th>整改期限</th><th>登记时间</th></tr></thead>
    <tbody>
    <#list rows as r>
    <tr data-id="${r.id?c}">
      <td class="id" data-label="编号">${r.id?c}</td>
      <td class="title"><a href="/problems/${r.id?c}">${r.title}</a></td>
      <td><span class="badge level level-${r.level}">${r.levelText}</span></td>
      <td data-label="状态">${r.status}</td>
      <td data-label="责任单位">${r.unit}</td>
      <td data-label="整改期限">${r.deadline}</td>
      <td data-label="登记时间">${r.registeredAt}</td>
    </tr>
    </#list>
    </tbody>
  </table>
  <#else>
  <p class="empty">没有符合条件的问题</p>
  </#if>
  <nav class="pager">
    <#if (pageNo > 1)><a rel="prev" href="/problems?page=${(pageNo - 1)?c}${query}">上一页</a></#if>
    <#if (pageNo < pages)><a rel="next" href="/problems?page=${(pageNo + 1)?c}${query}">下一页</a></#if>
  </nav>
</section>
</@layout.page>
