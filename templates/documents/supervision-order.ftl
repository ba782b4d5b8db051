<#-- 执法问题督办单 (red warning, 红色预警): issued by the supervision committee for a
     problem that may draw public attention or was not corrected at yellow; the chief
     holds the leadership interview (约谈). -->
<#import "layout.ftl" as layout>
<#assign repeats = (problem.repeatCount)!0>
<#-- what raised the level (escalation/DocumentIssuer): SIGN_OVERDUE, SLOW, REPEAT, RAISED, SENSITIVE; empty if unknown -->
<#assign trigger = (problem.trigger)!"">
<@layout.document
    copyTo="分局主要领导，分局分管领导，纪委督察室，法制大队"
    printer=doc.bureauName + "执法监督委员会办公室"
    receiptTo=doc.issuerName>
  <p>经分局执法监督委员会研究，决定对你单位下列执法问题予以挂牌督办。请你单位高度重视，按照督办要求抓紧办理，按期办结。</p>
  <table class="facts">
    <tr><th>督办事项</th><td><p class="plain">${(problem.title)!"执法问题"}</p></td></tr>
    <tr><th>承办单位</th><td><p class="plain">${layout.unitName()}</p></td></tr>
    <#if (problem.officerName)?has_content><tr><th>责任民警</th><td><p class="plain">${problem.officerName}</p></td></tr></#if>
    <#if (problem.category)?has_content><tr><th>问题类别</th><td><p class="plain">${problem.category}</p></td></tr></#if>
    <#if (problem.source)?has_content><tr><th>问题来源</th><td><p class="plain">${problem.source}</p></td></tr></#if>
    <#if (problem.occurredAt)?has_content><tr><th>发生时间</th><td><p class="plain">${cnDateTime(problem.occurredAt)}</p></td></tr></#if>
    <tr><th>预警等级</th><td><p class="plain">${doc.warningLevel}</p></td></tr>
    <#if (problem.description)?has_content><tr><th>问题情况</th><td><@layout.paragraphs problem.description/></td></tr></#if>
    <tr><th>督办事由</th><td>
      <#if (problem.reason)?has_content><p>${layout.sentence(problem.reason)}</p></#if>
      <#if trigger == "REPEAT" || (trigger == "" && repeats?is_number && repeats gt 0)><p>同类问题已重复发生${repeats}次，经下发《纠正违法通知书》后仍未纠正到位，屡改屡犯。</p>
      <#elseif trigger == "SIGN_OVERDUE"><p>经黄色预警后你单位仍逾期未签收，依照分局三色预警工作机制启动红色预警。</p>
      <#elseif trigger == "SLOW"><p>经下发《纠正违法通知书》后逾期仍未纠正到位，整改迟缓，依照分局三色预警工作机制启动红色预警。</p>
      <#elseif trigger == "RAISED"><p>经<#if (problem.triggerBy)?has_content>${problem.triggerBy}</#if>决定提升为红色预警（上级提级）。</p>
      <#elseif trigger == "SENSITIVE"><p>该问题涉及舆情或涉警信访，社会敏感，依照分局三色预警工作机制直接启动红色预警。</p>
      <#elseif !(problem.reason)?has_content><p>该问题可能引发社会关注、舆论炒作或涉警信访，或经黄色预警后逾期仍未纠正，依照分局三色预警工作机制启动红色预警。</p></#if>
    </td></tr>
    <#-- 督办批示: the deputy leader's latest 批示 before this order (escalation/DocumentIssuer) -->
    <#if (problem.instruction)?has_content><tr><th>领导批示</th><td><p id="instruction">分管局领导批示：${problem.instruction}（${(problem.instructionBy)!""}，${(problem.instructionDate)!""}）</p></td></tr></#if>
    <tr><th>督办要求</th><td>
      <p><span class="item">一、</span>你单位主要负责人为整改第一责任人，要亲自研究部署，逐项制定整改措施，<#if (problem.deadline)??>于${layout.deadline()}前</#if>整改到位。</p>
      <p><span class="item">二、</span>整改完毕后，将整改情况及对有关责任人员的处理情况书面报告分局执法监督委员会（办公室设在法制大队）。</p>
      <p><span class="item">三、</span>分局主要领导将约谈你单位主要负责人，听取问题整改情况汇报。</p>
      <p><span class="item">四、</span>逾期未办结或整改不到位的，由纪委督察室依规依纪追究有关人员责任，并纳入执法质量考评。</p>
    </td></tr>
    <tr><th>办结时限</th><td><p class="plain"><#if (problem.deadline)??>${layout.deadline()}前<#else>按分局执法监督委员会要求</#if></p></td></tr>
  </table>
</@layout.document>
