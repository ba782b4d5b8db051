<#ftl output_format="Markdown">
<#-- 每日推送·法制大队长：超期未整改和待审核的问题。
     变量：overdueCount overdue[{id,title,unitName,dueText}] reviewingCount reviewing[{id,title,unitName}] link -->
<#if overdueCount gt 0>
#### 超期未整改（${overdueCount}个）

<#list overdue as p>
${p?counter}. 第${p.id}号 ${p.title}（${p.unitName}，${p.dueText}）
</#list>
</#if>
<#if reviewingCount gt 0>

#### 待审核整改报告（${reviewingCount}个）

<#list reviewing as p>
${p?counter}. 第${p.id}号 ${p.title}（${p.unitName}）
</#list>
</#if>

[查看并办理](${link?no_esc})
