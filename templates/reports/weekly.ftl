<#-- 执法监督周报: the week's problems, closures, ranking and red/yellow list (layout.ftl). -->
<#import "layout.ftl" as layout>
<@layout.report r=r word="本周" closing="请各单位在周推进会上逐件研究超期、屡改屡犯和红黄预警问题，明确责任人和完成时限。">
<p>现将${r.periodText}执法监督情况小结如下：</p>
</@layout.report>
