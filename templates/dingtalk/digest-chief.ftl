<#ftl output_format="Markdown">
<#-- 每日推送·局长：全局执法问题概况和红色预警。
     变量：blue yellow red total newYesterday closedYesterday overdue reds[{id,title,unitName,dueText}] moreReds link -->
#### 全局概况

- 在办问题：${total}个（红色${red}、黄色${yellow}、蓝色${blue}）
- 昨日新增：${newYesterday}个；昨日闭环：${closedYesterday}个
- 超期未整改：${overdue}个
<#if reds?has_content>

**红色预警**
<#list reds as p>
${p?counter}. 第${p.id}号 ${p.title}（${p.unitName}，${p.dueText}）
</#list>
<#if moreReds gt 0>
…另有${moreReds}个
</#if>
</#if>

[查看执法监督大屏](${link?no_esc})
