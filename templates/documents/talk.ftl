<#-- The facts table the talk and interview records share (talk-record.ftl,
     interview-record.ftl). The model's problem hash: title, unitName, officerName, heldAt,
     participants, record, measures, accountabilityLabel, recordedByName. -->
<#import "layout.ftl" as layout>

<#macro facts kindWord targetsWord recordWord measuresWord>
  <table class="facts">
    <tr><th>${kindWord}时间</th><td><p class="plain">${cnDateTime((problem.heldAt)!"")}</p></td></tr>
    <tr><th>${targetsWord}</th><td><p class="plain">${(problem.participants)!""}</p></td></tr>
    <tr><th>责任单位</th><td><p class="plain">${layout.unitName()}</p></td></tr>
    <#if (problem.officerName)?has_content><tr><th>责任民警</th><td><p class="plain">${problem.officerName}</p></td></tr></#if>
    <tr><th>问题情况</th><td><p class="plain">${(problem.title)!"执法问题"}</p><#if (problem.description)?has_content><@layout.paragraphs problem.description/></#if></td></tr>
    <tr><th>${recordWord}</th><td><#if (problem.record)?has_content><@layout.paragraphs problem.record/></#if></td></tr>
    <#if (problem.measures)?has_content><tr><th>${measuresWord}</th><td><@layout.paragraphs problem.measures/></td></tr></#if>
    <tr><th>处理意见</th><td><p class="plain">${(problem.accountabilityLabel)!"未提出"}</p></td></tr>
    <tr><th>记录人</th><td><p class="plain">${(problem.recordedByName)!""}</p></td></tr>
  </table>
</#macro>
