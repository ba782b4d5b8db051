<#ftl output_format="Markdown">
<#-- The summary of a report for the bureau's DingTalk group (markdown, through the outbox),
     with a link to the full report. Model: r (ReportFigures), link. Interpolations are
     escaped for markdown; the link is the app's own. -->
<#assign word = r.type.thisPeriod()>
#### ${r.bureauName}${r.type.title()}（${r.year}年第${r.issueNo}期）

统计时段：${r.periodText}

- ${word}新发现问题 **${r.found.total}** 件（蓝色 ${r.found.blue}、黄色 ${r.found.yellow}、红色 ${r.found.red}）
- 办结 **${r.closed.total}** 件（按期 ${r.closed.onTime}、逾期 ${r.closed.late}）
- ${word}末未办结 **${r.open.total}** 件，其中超期 **${r.open.overdue}** 件
<#if r.rectification.due gt 0>
- 整改率 **${r.rectification.rateText}**（到期 ${r.rectification.due} 件，按期整改 ${r.rectification.onTime} 件）
<#else>
- ${word}无到期问题，不计整改率
</#if>
- 屡改屡犯 ${r.repeats.problems} 件；下发执法建议书 ${r.documents.advice} 份、纠正违法通知书 ${r.documents.correctionNotice} 份、执法问题督办单 ${r.documents.supervisionOrder} 份
- 群众诉求受理 **${r.intake.total.received}** 件，回访 ${r.intake.total.calls} 次，满意率 **${r.intake.total.satisfactionRateText}**，回访率 ${r.intake.total.callbackRateText}；诉求清零：未办结 ${r.intake.total.unresolved} 件，不满意未清零 **${r.intake.total.dissatisfiedOpen}** 件，已清零 ${r.intake.total.cleared} 件
<#if r.warnings.red + r.warnings.yellow gt 0>

**红黄预警**：红色 ${r.warnings.red} 件、黄色 ${r.warnings.yellow} 件
<#list r.warnings.lines as p><#if p?index == 5><#break></#if>
${p?counter}. 【${p.levelLabel}】${p.unitName}：${p.title}（期限 ${p.deadlineText}<#if p.overdueText?has_content>，${p.overdueText}</#if>）
</#list>
</#if>
<#assign charged = r.scores.units?filter(e -> e.deducted gt 0)>
<#if charged?has_content>

**积分排名**（${r.scores.monthText}）扣分最多：<#list charged?reverse[0..*3] as e>${e.name} 扣${e.deducted}分（积分${e.score}分）<#sep>、</#list>
</#if>

[查看完整报告](${link?no_esc})
