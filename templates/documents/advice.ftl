<#-- 执法建议书 (blue warning, 蓝色预警): issued by the legal brigade for a problem found. -->
<#import "layout.ftl" as layout>
<@layout.document
    copyTo="分局分管领导"
    printer=doc.bureauName + "法制大队"
    receiptTo=doc.issuerName>
  <p>我大队<#if (problem.source)?has_content>在${problem.source}中</#if>发现，你单位<#if (problem.officerName)?has_content>民警${problem.officerName}</#if><#if (problem.occurredAt)?has_content>于${cnDateTime(problem.occurredAt)}</#if>在执法活动中存在以下问题：<span class="subject">${layout.sentence((problem.title)!"执法不规范问题")}</span></p>
  <#if (problem.description)?has_content><@layout.paragraphs problem.description/></#if>
  <#if (problem.category)?has_content><p>该问题属于“${problem.category}”类执法问题。</p></#if>
  <#if (problem.reason)?has_content><p>${layout.sentence(problem.reason)}</p></#if>
  <p>上述问题不符合执法规范化建设的有关要求，影响执法质量和公安机关执法公信力。为规范执法行为，依据《公安机关内部执法监督工作规定》等有关规定，现向你单位提出如下建议：</p>
  <p><span class="item">一、</span>对上述问题立即组织核查，能够当即纠正的立即纠正；不能当即纠正的，制定整改措施，明确整改责任人和整改时限。</p>
  <p><span class="item">二、</span>举一反三，对本单位同类执法活动开展自查自纠，查找执法管理中的薄弱环节，防止同类问题再次发生。</p>
  <p><span class="item">三、</span>加强对办案民警的法律知识和执法技能培训，严格落实执法责任制和案件审核把关制度。</p>
  <p>请你单位<#if (problem.deadline)??>于${layout.deadline()}前<#else>在规定期限内</#if>完成整改，并将整改情况（含整改措施、责任落实情况及相关佐证材料）书面报送法制大队。逾期未整改或整改不到位的，将按照分局三色预警工作机制提级预警。</p>
</@layout.document>
