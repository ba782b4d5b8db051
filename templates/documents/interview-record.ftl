<#-- 约谈记录 (red warning, 红色预警): the chief's leadership interview with the unit's head,
     as the task's form recorded it. User text is escaped like everything else the layout
     prints. -->
<#import "layout.ftl" as layout>
<#import "talk.ftl" as talk>
<@layout.document
    copyTo="分局党委，纪委督察室，法制大队，" + layout.unitName()
    printer=doc.bureauName + "执法监督委员会办公室"
    receiptTo=doc.issuerName
    addressee=false
    receipt=false>
  <p>根据分局三色预警工作机制，${layout.unitName()}<#if (problem.officerName)?has_content>民警${problem.officerName}</#if>的执法问题<span class="subject">“${(problem.title)!"执法问题"}”</span>已列为红色预警，并下发《执法问题督办单》。分局主要领导依照有关规定进行约谈，现将约谈情况记录如下：</p>
  <@talk.facts kindWord="约谈" targetsWord="约谈对象" recordWord="约谈记录" measuresWord="整改措施要求"/>
</@layout.document>
