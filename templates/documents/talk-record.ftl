<#-- 谈话提醒记录 (yellow warning, 黄色预警): the discipline inspection's talk reminder with the
     unit's head and the responsible officer, as the task's form recorded it. User text is
     escaped like everything else the layout prints. -->
<#import "layout.ftl" as layout>
<#import "talk.ftl" as talk>
<@layout.document
    copyTo="分局分管领导，法制大队，" + layout.unitName()
    printer=doc.bureauName + "纪委督察室"
    receiptTo=doc.issuerName
    addressee=false
    receipt=false>
  <p>根据分局三色预警工作机制，${layout.unitName()}<#if (problem.officerName)?has_content>民警${problem.officerName}</#if>的执法问题<span class="subject">“${(problem.title)!"执法问题"}”</span>已列为黄色预警。纪委督察室依照有关规定进行谈话提醒，现将谈话情况记录如下：</p>
  <@talk.facts kindWord="谈话" targetsWord="谈话对象" recordWord="谈话记录" measuresWord="整改要求"/>
</@layout.document>
