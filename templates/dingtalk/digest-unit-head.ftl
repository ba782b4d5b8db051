<#ftl output_format="Markdown">
<#-- 每日推送·单位负责人：本单位今日到期和已超期的问题（签收或整改）。
     变量：unitName overdue[{id,title,action,dueText}] dueToday[{id,title,action,dueText}] link -->
#### ${unitName}：今日到期${dueToday?size}个、已超期${overdue?size}个

<#if overdue?has_content>
**已超期**
<#list overdue as p>
${p?counter}. 第${p.id}号 ${p.title}（${p.action}，${p.dueText}）
</#list>
</#if>
<#if dueToday?has_content>

**今日到期**
<#list dueToday as p>
${p?counter}. 第${p.id}号 ${p.title}（${p.action}，${p.dueText}）
</#list>
</#if>

[查看本单位问题](${link?no_esc})
