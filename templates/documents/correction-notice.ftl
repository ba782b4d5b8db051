<#-- 纠正违法通知书 (yellow warning, 黄色预警): issued by the legal brigade for a problem
     repeated after rectification (屡改屡犯) or rectified too slowly (整改迟缓); discipline
     inspection joins with a talk reminder (谈话提醒). -->
<#import "layout.ftl" as layout>
<#assign repeats = (problem.repeatCount)!0>
<#-- what raised the level (escalation/DocumentIssuer): SIGN_OVERDUE, SLOW, REPEAT, RAISED, SENSITIVE; empty if unknown -->
<#assign trigger = (problem.trigger)!"">
<@layout.document
    copyTo="分局分管领导，纪委督察室"
    printer=doc.bureauName + "法制大队"
    receiptTo=doc.issuerName>
  <p>经审查，你单位<#if (problem.officerName)?has_content>民警${problem.officerName}</#if><#if (problem.occurredAt)?has_content>于${cnDateTime(problem.occurredAt)}</#if>在执法活动中存在以下问题：<span class="subject">${layout.sentence((problem.title)!"执法不规范问题")}</span></p>
  <#if (problem.description)?has_content><@layout.paragraphs problem.description/></#if>
  <#if trigger == "REPEAT" || (trigger == "" && repeats?is_number && repeats gt 0)>
  <p>该问题经我大队提出整改要求后，你单位未能有效整改，同类问题已重复发生${repeats}次，属屡改屡犯。</p>
  <#elseif trigger == "SIGN_OVERDUE">
  <p>该问题经我大队下发《执法建议书》后，你单位未在规定时限内签收，逾期未签收。</p>
  <#elseif trigger == "SLOW">
  <p>该问题经我大队下发《执法建议书》提出整改要求后，你单位未在规定期限内整改到位，整改迟缓。</p>
  <#elseif trigger == "RAISED">
  <p>该问题经<#if (problem.triggerBy)?has_content>${problem.triggerBy}</#if>决定提升为黄色预警（上级提级）。</p>
  <#elseif trigger == "SENSITIVE">
  <p>该问题涉及舆情或涉警信访，社会敏感。</p>
  <#else>
  <p>依照分局三色预警工作机制，该问题启动黄色预警。</p>
  </#if>
  <#if (problem.reason)?has_content><p>${layout.sentence(problem.reason)}</p></#if>
  <p>上述行为违反了有关法律法规和公安机关执法规范化建设的规定。依据《公安机关内部执法监督工作规定》等有关规定，现通知你单位予以纠正：</p>
  <p><span class="item">一、</span>立即纠正上述违法违规执法行为，<#if (problem.deadline)??>于${layout.deadline()}前</#if>整改到位，不得拖延、推诿。</p>
  <p><span class="item">二、</span>单位主要负责人要亲自过问，认真查找问题反复发生、整改迟缓的原因，明确整改责任人，逐项落实整改措施。</p>
  <p><span class="item">三、</span>对有关责任民警依照有关规定提出处理意见，随整改情况一并报送。</p>
  <p>根据分局三色预警工作机制，该问题已启动黄色预警。纪委督察室将会同法制大队对你单位负责同志和有关责任民警进行谈话提醒、批评教育；逾期仍未纠正的，将提请分局执法监督委员会启动红色预警，下发《执法问题督办单》，并依规依纪追究有关人员责任。</p>
  <p>请你单位<#if (problem.deadline)??>于${layout.deadline()}前<#else>在规定期限内</#if>将纠正情况书面报送法制大队，同时抄送纪委督察室。</p>
</@layout.document>
