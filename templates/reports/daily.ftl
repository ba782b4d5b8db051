<#-- 执法监督日报: the day's problems, closures, overdue and red/yellow list (layout.ftl). -->
<#import "layout.ftl" as layout>
<@layout.report r=r word="本日" closing="请各单位对照本日报，对超期和红黄预警问题立即组织整改，按时提交整改报告。">
<p>现将${r.periodText}执法监督情况通报如下：</p>
</@layout.report>
