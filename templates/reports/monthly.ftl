<#-- 执法监督月报: the month's problems, closures, ranking, red/yellow list and the month's
     talks and interviews (问责情况) (layout.ftl). -->
<#import "layout.ftl" as layout>
<@layout.report r=r word="本月" talks=true closing="请各单位对照本月积分排名和整改情况，在月度执法规范化形势分析会上剖析短板，对排名靠后的单位由分管局领导约谈。">
<p>现将${r.periodText}执法监督情况分析通报如下：</p>
</@layout.report>
