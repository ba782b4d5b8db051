<#--
  One problem's page (问题详情页), GET /problems/{id}: model from cn.jiandu.page.ProblemPage —
  p (cn.jiandu.problem.ProblemView), level (BLUE/YELLOW/RED/NONE), levelText, statusText,
  facts, deadline (with basis: 期限说明), documents, evidence, pauses, transfers, instructions (领导批示), talks,
  timeline, tasks, messages, actions, viewer, now, quotaBanner (ADMIN, at 80 % of the
  month's DingTalk quota; else absent). Readable at 375 px, printable.
-->
<#import "layout.ftl" as layout>
<@layout.page title=p.title bodyClass="problem level-${level}" problemId=p.id?c>
<#if quotaBanner??>
<section class="card quota-banner" id="quota-banner" role="alert">${quotaBanner}</section>
</#if>
<section class="card head">
  <div class="badges">
    <span class="badge level level-${level}" id="level">${levelText}</span>
    <span class="badge status" id="status">${statusText}</span>
  </div>
  <h1 id="title">${p.title}</h1>
  <dl class="facts">
    <#list facts as f>
    <div><dt>${f.label}</dt><dd>${f.value}</dd></div>
    </#list>
  </dl>
  <#if p.description?has_content>
  <p class="description">${p.description}</p>
  </#if>
</section>

<section class="card deadline<#if deadline.overdue> overdue</#if>" id="deadline">
  <h2>整改期限</h2>
  <p class="due"><b id="deadline-at">${deadline.deadline}</b> <span class="left" id="time-left">${deadline.left}</span></p>
  <#if deadline.signDeadline?has_content>
  <p>签收期限：${deadline.signDeadline}（${deadline.signLeft}）</p>
  </#if>
  <#if deadline.basis??>
  <#assign b = deadline.basis>
  <div class="basis" id="deadline-basis">
    <h3>期限说明</h3>
    <ul>
      <li>规则：${b.rule}</li>
      <li>起算：${b.start}</li>
      <li>计算：${b.counting}按规则期限至 ${b.ruleDeadline}。</li>
      <li>${b.summary}</li>
    </ul>
    <#if b.days?has_content>
    <ul class="days" id="calendar-days">
      <#list b.days as d><li>${d}</li></#list>
    </ul>
    </#if>
    <#if b.shifted?has_content><p>${b.shifted}</p></#if>
  </div>
  </#if>
</section>

<#if tasks?has_content>
<section class="card" id="tasks">
  <h2>待办任务</h2>
  <ul class="rows">
    <#list tasks as t>
    <li data-task="${t.id}">
      <a class="task-link" href="${t.link}">${t.name}</a>
      <span class="meta">办理人：${t.assignee}<#if t.due?has_content> · 期限 <span class="<#if t.overdue>late</#if>">${t.due}</span></#if></span>
    </li>
    </#list>
  </ul>
</section>
</#if>

<#if actions.urge || actions.raise || actions.voidable>
<section class="card noprint" id="actions">
  <h2>督办操作</h2>
  <div class="buttons">
    <#if actions.urge><button type="button" data-action="urge">催办</button></#if>
    <#if actions.raise><button type="button" data-action="raise">提级</button></#if>
    <#if actions.voidable><button type="button" class="danger" data-action="void">作废</button></#if>
  </div>
  <p class="status-line" id="action-status" role="alert" hidden></p>
</section>
</#if>

<#if intakes?has_content>
<section class="card" id="intakes">
  <h2>群众诉求</h2>
  <ul>
    <#list intakes as i>
    <li><#if i.link??><a href="${i.link}">${i.channel} 工单 ${i.ticketNo}</a><#else>${i.channel} 工单 ${i.ticketNo}</#if></li>
    </#list>
  </ul>
  <p class="hint">问题审核通过后，法制部门将回访诉求人；不满意的经法制大队长复核可重新交办整改。</p>
</section>
</#if>

<section class="card" id="documents">
  <h2>执法文书</h2>
  <#if documents?has_content>
  <ul class="rows">
    <#list documents as d>
    <li data-document="${d.id?c}">
      <a href="/api/documents/${d.id?c}" target="_blank" rel="noopener">${d.typeName} ${d.number}</a>
      <span class="meta">${d.issuedAt} · ${d.unit}<#if d.superseded> · 已被替换</#if></span>
      <a class="print noprint" href="/api/documents/${d.id?c}" target="_blank" rel="noopener" data-print="/api/documents/${d.id?c}">打印</a>
    </li>
    </#list>
  </ul>
  <#else>
  <p class="empty">暂无文书</p>
  </#if>
</section>

<section class="card" id="evidence">
  <h2>整改佐证材料</h2>
  <#if evidence?has_content>
  <ul class="rows">
    <#list evidence as e>
    <li data-evidence="${e.id?c}"<#if e.withdrawn> class="withdrawn"</#if>>
      <a href="/api/evidence/${e.id?c}">${e.fileName}</a>
      <span class="meta">${e.size} · ${e.by} · ${e.at}<#if e.withdrawn> · ${e.withdrawnText}</#if></span>
      <#if e.note?has_content><span class="note">${e.note}</span></#if>
    </li>
    </#list>
  </ul>
  <#else>
  <p class="empty">暂无佐证材料</p>
  </#if>
  <#if actions.upload>
  <form class="upload noprint" id="evidence-form" method="post" enctype="multipart/form-data"
        action="/api/problems/${p.id?c}/evidence">
    <#if csrf??><input type="hidden" name="${csrf.parameterName}" value="${csrf.token}"></#if>
    <label class="file">选择文件（可多选）
      <input type="file" name="file" id="evidence-files" multiple>
      <span class="file-row"><span class="button" aria-hidden="true">选择文件</span> <span id="file-names">未选择文件</span></span>
    </label>
    <label>说明（可选）<input type="text" name="note" maxlength="500"></label>
    <button type="submit">上传</button>
    <p class="status-line" id="upload-status" role="alert" hidden></p>
  </form>
  </#if>
</section>

<#if pauses?has_content>
<section class="card" id="pauses">
  <h2>暂停计时</h2>
  <ul class="rows">
    <#list pauses as x>
    <li><b>${x.reason}</b> <span class="meta">${x.from} 至 ${x.to} · 批准：${x.approvedBy}</span>
      <#if x.detail?has_content><span class="note">${x.detail}</span></#if></li>
    </#list>
  </ul>
</section>
</#if>

<#if transfers?has_content>
<section class="card" id="transfers">
  <h2>改派</h2>
  <ul class="rows">
    <#list transfers as t>
    <li><b>${t.label}</b> <span class="meta">${t.at} · ${t.who}</span><span class="note">${t.text}</span></li>
    </#list>
  </ul>
</section>
</#if>

<#if instructions?has_content>
<section class="card" id="instructions">
  <h2>领导批示</h2>
  <ul class="rows">
    <#list instructions as i>
    <li>
      <b>分管局领导${i.by}${i.kind}</b> <span class="meta">${i.at}</span>
      <#if i.text?has_content><span class="note">${i.text}</span></#if>
    </li>
    </#list>
  </ul>
</section>
</#if>

<#if talks?has_content>
<section class="card" id="talks">
  <h2>谈话约谈记录</h2>
  <ul class="rows">
    <#list talks as t>
    <li>
      <b>${t.kind}</b> <span class="meta">${t.heldAt} · 记录人：${t.recordedBy}</span>
      <span class="note">对象：${t.participants}</span>
      <span class="note">${t.record}</span>
      <#if t.measures?has_content><span class="note">整改措施：${t.measures}</span></#if>
      <#if t.accountability?has_content><span class="note">处理意见：${t.accountability}</span></#if>
      <#if t.documentId??><a href="/api/documents/${t.documentId?c}" target="_blank" rel="noopener">查看记录文书</a></#if>
    </li>
    </#list>
  </ul>
</section>
</#if>

<#if messages?has_content>
<section class="card" id="messages">
  <h2>钉钉消息</h2>
  <ul class="rows">
    <#list messages as m>
    <li><b>${m.step}</b> <span class="meta">${m.at}<#if m.read?has_content> · ${m.read}</#if></span>
      <span class="note">${m.recipients}</span></li>
    </#list>
  </ul>
</section>
</#if>

<section class="card" id="timeline">
  <h2>时间线</h2>
  <ol class="timeline">
    <#list timeline as e>
    <li<#if e.level?has_content> class="level-${e.level}"</#if>>
      <span class="when">${e.at}</span>
      <span class="what"><b>${e.who}</b> ${e.text}</span>
    </li>
    </#list>
  </ol>
</section>

<footer class="foot">
  <span>查看人：${viewer} · ${now}</span>
  <button type="button" class="noprint" data-action="print-page">打印本页</button>
</footer>
</@layout.page>
