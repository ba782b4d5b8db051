<#ftl output_format="Markdown">
<#-- 钉钉工作通知（markdown）：一个执法问题的督办消息。
     变量：levelLabel levelColor stepLabel step level title problemId unitName officerName
          deadlineText timeLeftText note noticeTimeText link。每个插值都按 markdown 转义（Markdown 输出格式），只有 levelColor 和 link 由系统生成、原样输出。 -->
### <font color="${levelColor?no_esc}">【${levelLabel}预警】</font>${stepLabel}

**${title}**

- 问题编号：第${problemId}号
- 责任单位：${unitName}
<#if officerName?has_content>
- 责任民警：${officerName}
</#if>
<#if deadlineText?has_content>
- 整改期限：${deadlineText}（${timeLeftText}）
</#if>

<#switch step>
  <#case "LEVEL">
    <#if level == "BLUE">
已下发《执法建议书》，请单位负责人组织整改，在期限内提交整改报告。
    <#elseif level == "YELLOW">
已下发《纠正违法通知书》（屡改屡犯/整改迟缓），纪委督察将对单位负责人和责任民警进行谈话提醒，请立即纠正。
    <#else>
已下发《执法问题督办单》，由局主要领导约谈，请责任单位限期整改并向执法监督委员会书面报告。
    </#if>
    <#break>
  <#case "REMIND">
整改期限将至，请抓紧整改，按时提交整改报告。
    <#break>
  <#case "URGE">
整改期限已到仍未完成，法制大队长催办：请立即整改并提交整改报告。
    <#break>
  <#case "SUPERVISE">
超过宽限期仍未整改，分管局领导督办，预警等级随之提升，请责任单位说明情况。
    <#break>
  <#case "SIGN_URGE">
问题已下发但尚未签收，请单位负责人立即签收。
    <#break>
  <#case "SIGN_SUPERVISE">
逾期未签收，分管局领导督办，预警等级随之提升，请单位负责人立即签收并组织整改。
    <#break>
  <#case "INSTRUCTION">
分管局领导对本问题作出批示，请责任单位认真落实，整改期限不变。
    <#break>
  <#case "INSTRUCTION_OVERDUE">
本问题已由分管局领导督办，督办批示到期仍未办理，请局长知悉。
    <#break>
  <#case "VOIDED">
本问题已由法制部门作废，整改督办流程已终止，无需再签收或整改，相关扣分已撤销。
    <#break>
  <#case "MANUAL_URGE">
法制部门人工催办：请尽快整改。
    <#break>
  <#default>
请及时处理。
</#switch>
<#if note?has_content>

> ${note}
</#if>

通知时间：${noticeTimeText}

[查看问题并办理](${link?no_esc})
