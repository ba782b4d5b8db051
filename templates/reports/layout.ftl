<#--
  The layout the three supervision reports share (监督日报、周报、月报): red header with the
  issue number, then the sections every report has, in the order the bureaus print them.

  The model: r (cn.jiandu.report.ReportFigures: counts, ready-made Chinese dates and
  percentages). Each type's template (daily.ftl, weekly.ftl, monthly.ftl) calls the macro
  report with its own words: word = how the report calls its period (本日, 本周, 本月),
  and its nested content is the report's opening paragraph. Everything interpolated is
  HTML-escaped. data-k attributes name each figure for machines (tests, exports); they
  change nothing on screen or on paper.
-->

<#-- talks=true adds the section 八、问责情况 (the monthly report's): the talk reminders and
     leadership interviews recorded in the period, with their outcomes and document numbers. -->
<#macro report r word closing="" talks=false>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${r.bureauName}${r.title}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  :root {
    --red: #c8161d;
    --blue: #1f5fbf;
    --yellow: #b07800;
    --line: #444;
    --serif: "FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
    --title: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif;
    --heiti: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  }
  html { background: #e8e6e1; }
  body { margin: 0; color: #000; font-family: var(--serif); font-size: 14pt; line-height: 1.75; }
  .sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 18mm 18mm 22mm;
           background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, .25); }
  @media print { html { background: none; } .sheet { margin: 0; box-shadow: none; width: auto; min-height: 0; padding: 0; } }
  header { text-align: center; color: var(--red); }
  header h1 { margin: 0; font-family: var(--title); font-size: 32pt; font-weight: normal; letter-spacing: .12em; line-height: 1.4; }
  header .issue { margin: 2mm 0 0; font-size: 14pt; color: #000; }
  header .meta { display: flex; justify-content: space-between; margin-top: 4mm; font-size: 13pt; color: #000; }
  header hr { border: 0; border-top: 2px solid var(--red); margin: 2mm 0 0; }
  header hr + hr { border-top-width: 1px; margin-top: 1mm; }
  h2 { font-family: var(--heiti); font-size: 15pt; font-weight: normal; margin: 7mm 0 2mm; }
  h3 { font-family: var(--serif); font-size: 14pt; font-weight: bold; margin: 4mm 0 2mm; }
  p { margin: 0 0 2mm; text-indent: 2em; }
  p.note { text-indent: 0; font-size: 11pt; color: #333; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; font-size: 11pt; line-height: 1.5; }
  th, td { border: 1px solid var(--line); padding: 1mm 2mm; text-align: center; }
  th { font-family: var(--heiti); font-weight: normal; background: #f3f1ec; }
  td.text { text-align: left; }
  tfoot td { font-weight: bold; }
  .kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; margin: 3mm 0; }
  .kpi { border: 1px solid var(--line); padding: 2mm 1mm; text-align: center; }
  .kpi b { display: block; font-family: var(--heiti); font-size: 18pt; font-weight: normal; line-height: 1.3; }
  .kpi span { display: block; font-size: 10.5pt; line-height: 1.4; }
  .level-BLUE { color: var(--blue); }
  .level-YELLOW { color: var(--yellow); }
  .level-RED { color: var(--red); }
  .rate-GREEN { color: #1b7f3b; } .rate-BLUE { color: var(--blue); } .rate-YELLOW { color: var(--yellow); } .rate-RED { color: var(--red); }
  .overdue { color: var(--red); }
  .none { text-indent: 2em; color: #333; }
  footer { margin-top: 8mm; border-top: 1px solid var(--line); padding-top: 2mm; font-size: 11pt; }
  footer p { text-indent: 0; }
</style>
</head>
<body>
<article class="sheet">
<header>
  <h1>${r.type.title()}</h1>
  <p class="issue" data-k="issue">${r.year}年第${r.issueNo}期</p>
  <div class="meta"><span>${r.bureauName}${r.issuer}</span><span data-k="period">统计时段：${r.periodText}</span></div>
  <hr><hr>
</header>

<#nested>

<h2>一、总体情况</h2>
<div class="kpis">
  <div class="kpi"><b data-k="found.total">${r.found.total}</b><span>${word}新发现问题（件）</span></div>
  <div class="kpi"><b data-k="closed.total">${r.closed.total}</b><span>${word}办结（件）</span></div>
  <div class="kpi"><b data-k="open.total">${r.open.total}</b><span>${word}末未办结（件）</span></div>
  <div class="kpi"><b class="overdue" data-k="open.overdue">${r.open.overdue}</b><span>其中超期（件）</span></div>
  <div class="kpi"><b data-k="rect.rate">${r.rectification.rateText}</b><span>整改率</span></div>
</div>
<p>${word}共发现执法问题<b>${r.found.total}</b>件，其中蓝色预警${r.found.blue}件、黄色预警${r.found.yellow}件、红色预警${r.found.red}件；办结${r.closed.total}件，其中按期办结${r.closed.onTime}件、逾期办结${r.closed.late}件；截至${word}末尚有${r.open.total}件未办结，其中超期未整改${r.open.overdue}件。<#if r.rectification.due gt 0>${word}到期问题${r.rectification.due}件，按期整改${r.rectification.onTime}件，整改率${r.rectification.rateText}。<#else>${word}无到期问题，不计整改率。</#if><#if r.repeats.problems gt 0>屡改屡犯（退回重新整改）${r.repeats.problems}件。</#if>${word}下发执法建议书${r.documents.advice}份、纠正违法通知书${r.documents.correctionNotice}份、执法问题督办单${r.documents.supervisionOrder}份。</p>

<h2>二、问题发现情况</h2>
<#if r.found.total == 0>
<p class="none">${word}未发现执法问题。</p>
<#else>
<table>
  <thead><tr><th>问题来源</th><th>蓝色预警</th><th>黄色预警</th><th>红色预警</th><th>合计</th></tr></thead>
  <tbody>
  <#list r.found.bySource as s>
    <tr><td class="text">${s.name}</td><td data-k="found.source.${s.code}.blue">${s.blue}</td><td data-k="found.source.${s.code}.yellow">${s.yellow}</td><td data-k="found.source.${s.code}.red">${s.red}</td><td data-k="found.source.${s.code}.total">${s.total}</td></tr>
  </#list>
  </tbody>
  <tfoot><tr><td>合计</td><td data-k="found.blue">${r.found.blue}</td><td data-k="found.yellow">${r.found.yellow}</td><td data-k="found.red">${r.found.red}</td><td>${r.found.total}</td></tr></tfoot>
</table>
<p class="note">注：预警等级为生成本报告时的等级。</p>
</#if>

<h2>三、问题整改情况</h2>
<p>${word}办结${r.closed.total}件，其中按期办结<b data-k="closed.onTime">${r.closed.onTime}</b>件、逾期办结<b data-k="closed.late">${r.closed.late}</b>件。${word}到期问题<b data-k="rect.due">${r.rectification.due}</b>件，按期整改<b data-k="rect.onTime">${r.rectification.onTime}</b>件，<#if r.rectification.due gt 0>整改率<b>${r.rectification.rateText}</b>。<#else>不计整改率。</#if></p>
<p class="note">${r.rectification.definition}</p>
<#if r.units?has_content>
<h3>各单位整改情况</h3>
<table>
  <thead><tr><th>单位</th><th>新发现</th><th>办结</th><th>按期</th><th>逾期</th><th>未办结</th><th>超期</th><th>到期</th><th>整改率</th></tr></thead>
  <tbody>
  <#list r.units as u>
    <tr><td class="text">${u.name}</td><td data-k="unit.${u.code}.found">${u.found}</td><td data-k="unit.${u.code}.closed">${u.closed}</td><td data-k="unit.${u.code}.onTime">${u.closedOnTime}</td><td data-k="unit.${u.code}.late">${u.closedLate}</td><td data-k="unit.${u.code}.open">${u.open}</td><td data-k="unit.${u.code}.overdue"<#if u.overdue gt 0> class="overdue"</#if>>${u.overdue}</td><td data-k="unit.${u.code}.due">${u.due}</td><td data-k="unit.${u.code}.rate">${u.rateText}</td></tr>
  </#list>
  </tbody>
  <tfoot><tr><td>合计</td><td>${r.found.total}</td><td>${r.closed.total}</td><td>${r.closed.onTime}</td><td>${r.closed.late}</td><td>${r.open.total}</td><td>${r.open.overdue}</td><td>${r.rectification.due}</td><td>${r.rectification.rateText}</td></tr></tfoot>
</table>
<p class="note">注：未办结、超期均截至${word}末；按超期、未办结件数排列。</p>
</#if>

<h2>四、单位排名</h2>
<h3>（一）执法质量积分排名（${r.scores.monthText}）</h3>
<#if r.scores.units?has_content>
<table>
  <thead><tr><th>名次</th><th>单位</th><th>扣分</th><th>积分</th></tr></thead>
  <tbody>
  <#list r.scores.units as e>
    <tr><td data-k="score.unit.${e.code}.rank">${e.rank}</td><td class="text">${e.name}</td><td data-k="score.unit.${e.code}.deducted">${e.deducted}</td><td data-k="score.unit.${e.code}.score">${e.score}</td></tr>
  </#list>
  </tbody>
</table>
<p class="note">注：每个单位每月基础分${r.scores.base}分，问题每达到一个预警等级扣减相应分数；积分相同者名次并列。</p>
<#else>
<p class="none">暂无参与排名的单位。</p>
</#if>
<#if r.scores.officers?has_content>
<h3>（二）责任民警扣分情况</h3>
<table>
  <thead><tr><th>名次</th><th>民警</th><th>警号</th><th>所在单位</th><th>扣分</th><th>积分</th></tr></thead>
  <tbody>
  <#list r.scores.officers as e>
    <tr><td data-k="score.officer.${e.code}.rank">${e.rank}</td><td>${e.name}</td><td>${e.code}</td><td class="text">${e.unitName!""}</td><td data-k="score.officer.${e.code}.deducted">${e.deducted}</td><td data-k="score.officer.${e.code}.score">${e.score}</td></tr>
  </#list>
  </tbody>
</table>
<p class="note">注：名次是在全局${r.scores.officersRanked}名民警中的月度积分名次（扣分越少越靠前），未被扣分的${r.scores.officersRanked - r.scores.officerCount}名民警积分${r.scores.base}分、并列第1名，不列出；本表按扣分从多到少排列<#if r.scores.officerCount gt r.scores.officers?size>，共${r.scores.officerCount}名民警被扣分，列出扣分最多的${r.scores.officers?size}名</#if>。</p>
</#if>
<h3>（${r.scores.officers?has_content?then("三", "二")}）执法检测指标排名</h3>
<#if !r.rates.connected>
<p class="none" data-k="rates.status">执法检测统计（分流率、受立案率、文书开具率等）尚未接入，本期不排名。</p>
<#elseif !r.rates.lines?has_content>
<p class="none" data-k="rates.status">${word}各单位均无导入的警情、案件台账记录，无法计算分流率、受立案率、文书开具率，本期不排名。</p>
<#else>
<table data-k="rates.status">
  <thead><tr><th>名次</th><th>单位</th><#list r.rates.columns as c><th>${c.label}</th></#list></tr></thead>
  <tbody>
  <#list r.rates.lines as l>
    <tr><td>${l.rankText}</td><td class="text">${l.unitName}</td><#list l.cells as cell><td<#if cell.colour??> class="rate-${cell.colour?upper_case}"</#if>>${cell.text}</td></#list></tr>
  </#list>
  </tbody>
</table>
</#if>

<h2>五、屡改屡犯问题</h2>
<p>${word}经审核退回重新整改的问题<b data-k="repeat.problems">${r.repeats.problems}</b>件，共退回<span data-k="repeat.returns">${r.repeats.returns}</span>次。</p>
<#if r.repeats.lines?has_content>
<table>
  <thead><tr><th>序号</th><th>问题</th><th>责任单位</th><th>当前等级</th><th>累计退回</th></tr></thead>
  <tbody>
  <#list r.repeats.lines as p>
    <tr><td>${p?counter}</td><td class="text">${p.title}（第${p.id}号）</td><td class="text">${p.unitName}</td><td class="level-${p.level!""}">${p.levelLabel}</td><td data-k="repeat.${p.id}.count">${p.repeatCount}次</td></tr>
  </#list>
  </tbody>
</table>
<#if r.repeats.problems gt r.repeats.lines?size><p class="note">列出前${r.repeats.lines?size}件。</p></#if>
</#if>

<h2>六、执法文书下发情况</h2>
<table>
  <thead><tr><th>执法建议书（蓝色）</th><th>纠正违法通知书（黄色）</th><th>执法问题督办单（红色）</th><th>合计</th></tr></thead>
  <tbody><tr><td data-k="doc.advice">${r.documents.advice}</td><td data-k="doc.correction">${r.documents.correctionNotice}</td><td data-k="doc.supervision">${r.documents.supervisionOrder}</td><td data-k="doc.total">${r.documents.total}</td></tr></tbody>
</table>

<h2>七、红黄预警问题</h2>
<p>截至${word}末，红色预警问题<b class="level-RED" data-k="warn.red">${r.warnings.red}</b>件、黄色预警问题<b class="level-YELLOW" data-k="warn.yellow">${r.warnings.yellow}</b>件未办结<#if r.warnings.red + r.warnings.yellow gt 0>，整改期限如下</#if>。</p>
<#if r.warnings.lines?has_content>
<table>
  <thead><tr><th>序号</th><th>等级</th><th>问题</th><th>责任单位</th><th>整改期限</th><th>超期情况</th></tr></thead>
  <tbody>
  <#list r.warnings.lines as p>
    <tr><td>${p?counter}</td><td class="level-${p.level}" data-k="warn.${p.id}.level">${p.levelLabel}</td><td class="text">${p.title}（第${p.id}号）</td><td class="text">${p.unitName}</td><td data-k="warn.${p.id}.deadline">${p.deadlineText}</td><td class="overdue">${p.overdueText}</td></tr>
  </#list>
  </tbody>
</table>
<#if r.warnings.red + r.warnings.yellow gt r.warnings.lines?size><p class="note">红色在前，按整改期限先后列出前${r.warnings.lines?size}件。</p></#if>
</#if>
<#if talks>
<h2>八、问责情况</h2>
<p>${word}纪委督察谈话提醒<b data-k="talk.talks">${r.talks.talks}</b>次、主要领导约谈<b data-k="talk.interviews">${r.talks.interviews}</b>次，其中通报批评<span data-k="talk.circulated">${r.talks.circulated}</span>人次、追责问责<span data-k="talk.accountable">${r.talks.accountable}</span>人次<#if r.talks.total gt 0>，情况如下：<#else>。</#if></p>
<#if r.talks.lines?has_content>
<table>
  <thead><tr><th>序号</th><th>时间</th><th>责任单位</th><th>责任民警</th><th>方式</th><th>处理意见</th><th>文号</th></tr></thead>
  <tbody>
  <#list r.talks.lines as t>
    <tr><td>${t?counter}</td><td>${t.heldText}</td><td class="text">${t.unitName}</td><td class="text" data-k="talk.${t.id}.officer">${t.officerName}</td><td data-k="talk.${t.id}.kind">${t.kindLabel}</td><td data-k="talk.${t.id}.outcome">${t.outcomeLabel}</td><td data-k="talk.${t.id}.number">${t.documentNumber}</td></tr>
  </#list>
  </tbody>
</table>
<#if r.talks.total gt r.talks.lines?size><p class="note">按记录先后列出前${r.talks.lines?size}次。</p></#if>
</#if>
</#if>

<#local it = r.intake>
<#local t = it.total>
<h2><#if talks>九<#else>八</#if>、群众诉求与回访</h2>
<#if !it.channels?has_content>
<p class="none" data-k="intake.status">${word}无群众诉求受理和回访记录，截至${word}末无未办结、不满意未清零的诉求。</p>
<#else>
<p>${word}受理群众诉求<b data-k="intake.received">${t.received}</b>件，其中立案<span data-k="intake.accepted">${t.accepted}</span>件、合并<span data-k="intake.merged">${t.merged}</span>件、转办<span data-k="intake.referred">${t.referred}</span>件、不予受理<span data-k="intake.rejected">${t.rejected}</span>件、待分派<span data-k="intake.pendingTriage">${t.pendingTriage}</span>件。${word}回访<span data-k="intake.calls">${t.calls}</span>次，联系上<span data-k="intake.reached">${t.reached}</span>次，其中满意${t.satisfied}次、基本满意${t.basicallySatisfied}次、不满意${t.dissatisfied}次，联系不上${t.unreachable}次，满意率<b data-k="intake.satisfaction">${t.satisfactionRateText}</b>；应回访${t.callbackDue}件，已回访${t.calledBack}件，回访率<b data-k="intake.callback">${t.callbackRateText}</b>。</p>
<p>诉求清零进展：截至${word}末，未办结诉求<b data-k="intake.unresolved">${t.unresolved}</b>件，回访不满意未清零<b class="overdue" data-k="intake.dissatisfiedOpen">${t.dissatisfiedOpen}</b>件，不满意已清零<b data-k="intake.cleared">${t.cleared}</b>件。</p>
<h3>（一）各渠道受理、分派与诉求清零情况</h3>
<table>
  <thead><tr><th>渠道</th><th>受理</th><th>立案</th><th>合并</th><th>转办</th><th>不予受理</th><th>待分派</th><th>未办结</th><th>不满意未清零</th><th>已清零</th></tr></thead>
  <tbody>
  <#list it.channels as c><#local f = c.figures>
    <tr><td class="text">${c.name}</td><td data-k="intake.channel.${c.code}.received">${f.received}</td><td data-k="intake.channel.${c.code}.accepted">${f.accepted}</td><td data-k="intake.channel.${c.code}.merged">${f.merged}</td><td data-k="intake.channel.${c.code}.referred">${f.referred}</td><td data-k="intake.channel.${c.code}.rejected">${f.rejected}</td><td data-k="intake.channel.${c.code}.pendingTriage">${f.pendingTriage}</td><td data-k="intake.channel.${c.code}.unresolved">${f.unresolved}</td><td data-k="intake.channel.${c.code}.dissatisfiedOpen"<#if f.dissatisfiedOpen gt 0> class="overdue"</#if>>${f.dissatisfiedOpen}</td><td data-k="intake.channel.${c.code}.cleared">${f.cleared}</td></tr>
  </#list>
  </tbody>
  <tfoot><tr><td>合计</td><td>${t.received}</td><td>${t.accepted}</td><td>${t.merged}</td><td>${t.referred}</td><td>${t.rejected}</td><td>${t.pendingTriage}</td><td>${t.unresolved}</td><td>${t.dissatisfiedOpen}</td><td>${t.cleared}</td></tr></tfoot>
</table>
<h3>（二）各渠道回访情况</h3>
<table>
  <thead><tr><th>渠道</th><th>回访次数</th><th>联系上</th><th>满意</th><th>基本满意</th><th>不满意</th><th>联系不上</th><th>满意率</th><th>应回访</th><th>已回访</th><th>回访率</th></tr></thead>
  <tbody>
  <#list it.channels as c><#local f = c.figures>
    <tr><td class="text">${c.name}</td><td data-k="intake.channel.${c.code}.calls">${f.calls}</td><td data-k="intake.channel.${c.code}.reached">${f.reached}</td><td>${f.satisfied}</td><td>${f.basicallySatisfied}</td><td>${f.dissatisfied}</td><td>${f.unreachable}</td><td data-k="intake.channel.${c.code}.satisfaction">${f.satisfactionRateText}</td><td>${f.callbackDue}</td><td>${f.calledBack}</td><td data-k="intake.channel.${c.code}.callback">${f.callbackRateText}</td></tr>
  </#list>
  </tbody>
  <tfoot><tr><td>合计</td><td>${t.calls}</td><td>${t.reached}</td><td>${t.satisfied}</td><td>${t.basicallySatisfied}</td><td>${t.dissatisfied}</td><td>${t.unreachable}</td><td>${t.satisfactionRateText}</td><td>${t.callbackDue}</td><td>${t.calledBack}</td><td>${t.callbackRateText}</td></tr></tfoot>
</table>
<h3>（三）各单位满意率排名</h3>
<#if it.units?has_content>
<table>
  <thead><tr><th>名次</th><th>单位</th><th>立案、合并</th><th>回访次数</th><th>联系上</th><th>满意</th><th>基本满意</th><th>不满意</th><th>满意率</th><th>回访率</th><th>不满意未清零</th></tr></thead>
  <tbody>
  <#list it.units as u><#local f = u.figures>
    <tr><td data-k="intake.unit.${u.code}.rank"><#if u.rank??>${u.rank}<#else>—</#if></td><td class="text">${u.name}</td><td data-k="intake.unit.${u.code}.received">${f.received}</td><td>${f.calls}</td><td data-k="intake.unit.${u.code}.reached">${f.reached}</td><td>${f.satisfied}</td><td>${f.basicallySatisfied}</td><td>${f.dissatisfied}</td><td data-k="intake.unit.${u.code}.satisfaction">${f.satisfactionRateText}</td><td>${f.callbackRateText}</td><td data-k="intake.unit.${u.code}.dissatisfiedOpen"<#if f.dissatisfiedOpen gt 0> class="overdue"</#if>>${f.dissatisfiedOpen}</td></tr>
  </#list>
  </tbody>
</table>
<#else>
<p class="none">${word}无立案、合并诉求的回访，各单位不排名。</p>
</#if>
</#if>
<p class="note" data-k="intake.definition">${it.definitionText}</p>

<h2><#if talks>十<#else>九</#if>、作废问题</h2>
<p>${word}作废的问题<b data-k="void.count">${r.voided.total}</b>件（登记有误等，经法制大队长作废，不计入以上各项统计和积分）<#if r.voided.lines?has_content>，列出如下</#if>。</p>
<#if r.voided.lines?has_content>
<table>
  <thead><tr><th>序号</th><th>问题</th><th>责任单位</th><th>作废时间</th><th>作废人</th><th>作废原因</th></tr></thead>
  <tbody>
  <#list r.voided.lines as v>
    <tr><td>${v?counter}</td><td class="text">${v.title}（第${v.id}号）</td><td class="text">${v.unitName}</td><td>${v.voidedAtText}</td><td>${v.voidedBy!""}</td><td class="text" data-k="void.${v.id}.reason">${v.reason}</td></tr>
  </#list>
  </tbody>
</table>
<#if r.voided.total gt r.voided.lines?size><p class="note">列出前${r.voided.lines?size}件。</p></#if>
</#if>
<#if closing?has_content>
<p>${closing}</p>
</#if>

<footer>
  <p>说明：统计时段按北京时间计。新发现：${word}登记的问题；办结：${word}审核通过闭环的问题；未办结、超期：截至${word}末的状态。${r.rectification.definition}</p>
  <p>报送：分局党委、执法监督委员会；发至：各所队。　　${r.bureauName}${r.issuer}　${r.madeAtText}生成</p>
</footer>
</article>
</body>
</html>
</#macro>
