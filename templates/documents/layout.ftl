<#--
  The layout every enforcement document (文书) shares, after GB/T 9704 (党政机关公文格式):
  red bureau header (红头), title, number, addressee (主送), body, signature with the seal's
  place, record (版记), and a receipt (回执) to cut off and send back.

  The model: doc (number, typeTitle, title, warningLevel, colour, bureauName, issuer,
  issuerName, issuedAt, unitCode: set by the application) and problem (the problem's
  fields, every one optional). Everything interpolated is HTML-escaped.
-->

<#-- A sentence ends in full-width punctuation: add 。 when the text has none. -->
<#function sentence text>
  <#local t = text?trim>
  <#if t?has_content && !t?matches(r"(?s).*[。！？；…．.!?;]")>
    <#return t + "。">
  </#if>
  <#return t>
</#function>

<#-- The unit addressed: its name, or its code when the name was not given. -->
<#function unitName>
  <#return (problem.unitName)!doc.unitCode>
</#function>

<#-- Free text typed by users: one paragraph per line. -->
<#macro paragraphs text>
  <#list text?split(r"\r?\n", "r") as line>
    <#if line?trim?has_content><p>${line?trim}</p></#if>
  </#list>
</#macro>

<#-- The deadline, for sentences like 请你单位于……前: date and time. -->
<#function deadline>
  <#return cnDateTime((problem.deadline)!"")>
</#function>

<#-- addressee=false leaves out the line naming the unit (a record is addressed to nobody);
     receipt=false leaves out the receipt (a record asks for no rectification). -->
<#macro document copyTo printer receiptTo addressee=true receipt=true>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.typeTitle}（${doc.number}）</title>
<style>
  @page { size: A4; margin: 25mm 20mm; }
  :root {
    --red: #d50000;
    --blue: #1f4e9c;
    --yellow: #b07800;
    --text: #000;
    --serif: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
    --title: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
    --heiti: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  }
  html { background: #e8e6e1; }
  body { margin: 0; color: var(--text); font-family: var(--serif); font-size: 16pt; line-height: 28pt; }
  .sheet { position: relative; box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 8mm auto;
           padding: 25mm 20mm; background: #fff; box-shadow: 0 1mm 4mm rgba(0, 0, 0, .25); }
  @media print {
    html { background: none; }
    .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
    /* on paper the level badge stands above the red head, not on its rule */
    .level { position: static !important; display: inline-block; }
    .red-head { margin-top: 3mm !important; }
  }
  p { margin: 0; }
  .level { position: absolute; top: 12mm; left: 20mm; font-family: var(--heiti); font-size: 12pt; line-height: 1;
           padding: 1.5mm 3mm; border: 1pt solid currentColor; letter-spacing: .1em; }
  .level.blue { color: var(--blue); }
  .level.yellow { color: var(--yellow); }
  .level.red { color: var(--red); }
  .red-head { text-align: center; color: var(--red); margin-top: 4mm; }
  .red-head .bureau { margin: 0; font-family: var(--title); font-size: 30pt; line-height: 1.2; font-weight: bold;
                      letter-spacing: .12em; }
  .red-head .rule { margin-top: 5mm; border-top: 2.2pt solid var(--red); }
  h1.doc-title { margin: 9mm 0 2mm; text-align: center; font-family: var(--title); font-size: 24pt; line-height: 1.3;
                 font-weight: bold; letter-spacing: .35em; }
  .doc-number { text-align: right; margin-bottom: 6mm; }
  .addressee { margin-top: 2mm; }
  .body p { text-indent: 2em; text-align: justify; }
  .body .item { font-family: var(--heiti); }
  .body .subject { font-weight: bold; }
  table.facts { width: 100%; border-collapse: collapse; margin: 3mm 0 1mm; font-size: 14pt; line-height: 22pt; }
  table.facts th, table.facts td { border: 1pt solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; }
  table.facts th { width: 7em; font-family: var(--heiti); font-weight: normal; text-align: center;
                   vertical-align: middle; white-space: nowrap; }
  table.facts td p { text-indent: 2em; }
  table.facts td p.plain { text-indent: 0; }
  .signature { position: relative; margin-top: 16mm; margin-left: auto; width: max-content; min-width: 16em;
               padding-right: 2em; text-align: center; break-inside: avoid; }
  .seal { position: absolute; left: 50%; top: 50%; width: 40mm; height: 40mm; margin: -20mm 0 0 -20mm;
          box-sizing: border-box; display: flex; align-items: center; justify-content: center;
          border: 1.2pt dashed var(--red); border-radius: 50%; color: var(--red); opacity: .75;
          font-size: 12pt; line-height: 1; letter-spacing: .3em; }
  .record { margin-top: 14mm; border-top: 1pt solid #000; border-bottom: 1pt solid #000; font-size: 14pt;
            line-height: 22pt; break-inside: avoid; }
  .record div { padding: 1.5mm 1em; }
  .record div + div { border-top: .5pt solid #000; display: flex; justify-content: space-between; }
  .cut { position: relative; margin: 12mm 0 7mm; border-top: 1pt dashed #444; text-align: center; }
  .cut span { position: relative; top: -11pt; padding: 0 .8em; background: #fff; font-size: 11pt; color: #444;
              letter-spacing: .2em; }
  .receipt { break-inside: avoid; }
  .receipt h2 { margin: 0 0 4mm; text-align: center; font-family: var(--title); font-size: 20pt; font-weight: bold;
                letter-spacing: 1em; text-indent: 1em; }
  .receipt table.facts { table-layout: fixed; }
  .receipt table.facts th { width: auto; }
  .receipt table.facts td { height: 9mm; }
  .blank { display: inline-block; min-width: 2em; }
  .nowrap { white-space: nowrap; }
</style>
</head>
<body>
<article class="sheet">
  <div class="level ${doc.colour}">${doc.warningLevel}</div>

  <header class="red-head">
    <p class="bureau">${doc.bureauName}</p>
    <div class="rule"></div>
  </header>

  <h1 class="doc-title">${doc.typeTitle}</h1>
  <p class="doc-number">${doc.number}</p>

  <#if addressee><p class="addressee">${unitName()}：</p></#if>
  <section class="body">
    <#nested>
  </section>

  <div class="signature">
    <div class="seal">（印章）</div>
    <p>${doc.issuerName}</p>
    <p>${cnDate(doc.issuedAt)}</p>
  </div>

  <footer class="record">
    <div>抄送：${copyTo}。</div>
    <div><span>${printer}</span><span>${cnDate(doc.issuedAt)}印发</span></div>
  </footer>

  <#if receipt>
  <div class="cut"><span>✂ 沿 此 线 剪 下</span></div>

  <section class="receipt">
    <h2>回执</h2>
    <p>${receiptTo}：</p>
    <p style="text-indent: 2em">${cnDate(doc.issuedAt)}下发的《${doc.typeTitle}》（${doc.number}）已收悉。我单位将按照要求<#if (problem.deadline)??>于${deadline()}前</#if>整改到位，并书面报送整改情况。</p>
    <table class="facts">
      <colgroup><col style="width: 18%"><col style="width: 32%"><col style="width: 18%"><col style="width: 32%"></colgroup>
      <tr><th>签收单位</th><td colspan="3">${unitName()}</td></tr>
      <tr><th>签收人</th><td></td><th>签收时间</th><td class="nowrap"><span class="blank"></span>年<span class="blank"></span>月<span class="blank"></span>日</td></tr>
      <tr><th>单位负责人<br>（签字）</th><td></td><th>单位<br>（盖章）</th><td></td></tr>
    </table>
  </section>
  </#if>
</article>
</body>
</html>
</#macro>
