<#--
  Registration for staff who do not use the Tasklist (登记执法问题), GET/POST /problems/new:
  the unit and the officer chosen by name, the source from every channel; a wrong value is
  shown next to its field. Model from cn.jiandu.page.ProblemPages#form: sources, categories,
  units (value/text/selected), officerGroups (unitCode, unitName, officers), values (what
  was sent), errors (field -> Chinese message).
-->
<#import "layout.ftl" as layout>
<#macro error field><#if errors[field]??><span class="error" id="error-${field}">${errors[field]}</span></#if></#macro>
<@layout.page title="登记执法问题" bodyClass="register">
<section class="card">
  <h1>登记执法问题</h1>
  <#if (errorCount > 0)><p class="error" role="alert">登记未完成，请修改标红的项目。</p></#if>
  <form method="post" action="/problems/new" class="register-form" novalidate>
    <#if csrf??><input type="hidden" name="${csrf.parameterName}" value="${csrf.token}"></#if>
    <label<#if errors.source??> class="invalid"</#if>>问题来源（监督渠道）
      <select name="source" required>
        <option value="">请选择</option>
        <#list sources as s><option value="${s.value}"<#if s.selected> selected</#if>>${s.text}</option></#list>
      </select>
      <@error "source"/>
    </label>
    <label<#if errors.category??> class="invalid"</#if>>问题类别
      <select name="category" required>
        <option value="">请选择</option>
        <#list categories as c><option value="${c.value}"<#if c.selected> selected</#if>>${c.text}</option></#list>
      </select>
      <@error "category"/>
    </label>
    <label<#if errors.unitCode??> class="invalid"</#if>>责任单位
      <select name="unitCode" id="unitCode" required>
        <option value="">请选择</option>
        <#list units as u><option value="${u.value}"<#if u.selected> selected</#if>>${u.text}</option></#list>
      </select>
      <@error "unitCode"/>
    </label>
    <label<#if errors.officerNo??> class="invalid"</#if>>责任民警（可不填）
      <select name="officerNo" id="officerNo">
        <option value="">不指定</option>
        <#list officerGroups as g>
        <optgroup label="${g.unitName}" data-unit="${g.unitCode}">
          <#list g.officers as o><option value="${o.value}"<#if o.selected> selected</#if>>${o.text}</option></#list>
        </optgroup>
        </#list>
      </select>
      <@error "officerNo"/>
    </label>
    <label<#if errors.title??> class="invalid"</#if>>标题
      <input type="text" name="title" maxlength="200" required value="${values.title!""}">
      <@error "title"/>
    </label>
    <label<#if errors.description??> class="invalid"</#if>>问题描述
      <textarea name="description" rows="6" maxlength="4000" required>${values.description!""}</textarea>
      <@error "description"/>
    </label>
    <label<#if errors.occurredAt??> class="invalid"</#if>>发生时间（可不填）
      <input type="datetime-local" name="occurredAt" value="${values.occurredAt!""}">
      <@error "occurredAt"/>
    </label>
    <label class="check"><input type="checkbox" name="sensitive"<#if values.sensitive??> checked</#if>> 敏感问题（信访、舆情等）</label>
    <div class="buttons"><button type="submit">登记</button> <a href="/problems">取消</a></div>
  </form>
</section>
</@layout.page>
