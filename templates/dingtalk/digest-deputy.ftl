<#ftl output_format="Markdown">
<#-- 每日推送·分管领导：分管单位的红色、黄色预警。
     变量：red yellow problems[{id,title,unitName,levelLabel,dueText}] more link -->
#### 分管单位预警（红色${red}个、黄色${yellow}个）

<#list problems as p>
${p?counter}. 【${p.levelLabel}】第${p.id}号 ${p.title}（${p.unitName}，${p.dueText}）
</#list>
<#if more gt 0>
…另有${more}个
</#if>

[查看问题清单](${link?no_esc})
