/*
 * 执法监督数据大屏: reads GET /api/dashboard every 30 seconds and draws it with Apache ECharts
 * (served by the app), this month's 群众诉求与回访 included (GET /api/stats/intake's figures). The
 * page and the API share one HTTP Basic login (same realm), so the browser that asked for the
 * login here sends it with every request. ?animation=0 turns the
 * charts' animations off (screenshots, slow screens).
 */
(function () {
  'use strict';

  var REFRESH_MS = 30000;
  var params = new URLSearchParams(window.location.search);
  var animation = params.get('animation') !== '0';
  var COLORS = { BLUE: '#3c8bff', YELLOW: '#ffc53d', RED: '#ff4d4f', found: '#39b8ff', closed: '#36d399' };
  var charts = {};

  function $(id) { return document.getElementById(id); }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id), 'dark', { renderer: 'canvas' });
    }
    return charts[id];
  }

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  /** 2026-03-10T23:59:59+08:00 (China time from the API) → 2026年3月10日 23:59 */
  function cnDateTime(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
    return m ? m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日 ' + m[4] + ':' + m[5] : '';
  }

  /** 2026-03-10T23:59:59+08:00 → 3月10日 23:59 this year, 2025年3月10日 23:59 before */
  function cnShortDateTime(iso, now) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
    if (!m) { return ''; }
    return (now && now.indexOf(m[1]) === 0 ? '' : m[1] + '年') + Number(m[2]) + '月' + Number(m[3]) + '日 ' + m[4] + ':' + m[5];
  }

  /** 2026-03-10 → 3月10日 */
  function cnMonthDay(date) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date || '');
    return m ? Number(m[2]) + '月' + Number(m[3]) + '日' : date;
  }

  /** 51 → 2天3小时 */
  function cnHours(hours) {
    if (hours < 1) { return '不足1小时'; }
    var days = Math.floor(hours / 24), rest = hours % 24;
    return (days > 0 ? days + '天' : '') + (rest > 0 || days === 0 ? rest + '小时' : '');
  }

  function text(id, value) { $(id).textContent = value; }

  /*
   * Text for HTML: ECharts renders a tooltip's formatter result as HTML, so every value put
   * into one (a unit's name is whatever the administrator typed) goes through here. The
   * rest of the page writes text only (textContent), never innerHTML.
   */
  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"'`]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }[c];
    });
  }

  /* the app's time in China (it may differ from this screen's: time zone, a demo's moved clock) */
  var serverOffsetMs = 0;

  function tick() {
    var d = new Date(Date.now() + serverOffsetMs + 8 * 3600 * 1000);
    var week = '日一二三四五六'.charAt(d.getUTCDay());
    text('clock', d.getUTCFullYear() + '年' + (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日 星期' + week + ' '
      + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()));
  }

  var axisStyle = { axisLine: { lineStyle: { color: '#2a5aa8' } }, axisLabel: { color: '#9fbbe6' },
    splitLine: { lineStyle: { color: 'rgba(42, 90, 168, .35)' } } };

  function drawTrend(trend) {
    chart('chart-trend').setOption({
      backgroundColor: 'transparent', animation: animation,
      tooltip: { trigger: 'axis' },
      legend: { data: ['发现', '办结'], right: 10, top: 0, textStyle: { color: '#cfe2ff' } },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: Object.assign({ type: 'category', boundaryGap: false, data: trend.map(function (t) { return cnMonthDay(t.date); }) }, axisStyle),
      yAxis: Object.assign({ type: 'value', minInterval: 1 }, axisStyle),
      series: [
        { name: '发现', type: 'line', smooth: true, symbolSize: 5, data: trend.map(function (t) { return t.found; }),
          itemStyle: { color: COLORS.found },
          areaStyle: { color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
            { offset: 0, color: 'rgba(57, 184, 255, .45)' }, { offset: 1, color: 'rgba(57, 184, 255, 0)' }]) } },
        { name: '办结', type: 'line', smooth: true, symbolSize: 5, data: trend.map(function (t) { return t.closed; }),
          itemStyle: { color: COLORS.closed },
          areaStyle: { color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [
            { offset: 0, color: 'rgba(54, 211, 153, .35)' }, { offset: 1, color: 'rgba(54, 211, 153, 0)' }]) } }
      ]
    });
  }

  function drawLevels(counts) {
    chart('chart-levels').setOption({
      backgroundColor: 'transparent', animation: animation,
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      legend: { orient: 'vertical', right: 16, top: 'middle', textStyle: { color: '#cfe2ff', fontSize: 14 },
        formatter: function (name) {
          var v = { '蓝色预警': counts.blue, '黄色预警': counts.yellow, '红色预警': counts.red }[name];
          return name + '  ' + v + '件';
        } },
      title: { text: String(counts.total), subtext: '在办（件）', left: '34%', top: '38%', textAlign: 'center',
        textStyle: { color: '#fff', fontSize: 30 }, subtextStyle: { color: '#9fbbe6', fontSize: 13 } },
      series: [{
        type: 'pie', radius: ['48%', '72%'], center: ['35%', '52%'], avoidLabelOverlap: true,
        itemStyle: { borderColor: '#04102a', borderWidth: 3 },
        label: { show: false },
        data: [
          { name: '蓝色预警', value: counts.blue, itemStyle: { color: COLORS.BLUE } },
          { name: '黄色预警', value: counts.yellow, itemStyle: { color: COLORS.YELLOW } },
          { name: '红色预警', value: counts.red, itemStyle: { color: COLORS.RED } }
        ]
      }]
    });
  }

  var rankingPage = 0;
  var rankingLength = 0;
  var RANKING_VISIBLE = 14;

  /* a wall screen is not scrolled: a long ranking turns its pages by itself */
  function turnRanking() {
    if (rankingLength <= RANKING_VISIBLE || !charts['chart-ranking']) { return; }
    rankingPage = (rankingPage + 1) % Math.ceil(rankingLength / RANKING_VISIBLE);
    var start = rankingPage * RANKING_VISIBLE;
    charts['chart-ranking'].dispatchAction({ type: 'dataZoom', startValue: start, endValue: start + RANKING_VISIBLE - 1 });
  }

  function drawRanking(ranking, month) {
    var shown = ranking;
    var visible = RANKING_VISIBLE;
    rankingLength = shown.length;
    rankingPage = 0;
    text('ranking-month', month ? month.replace(/^(\d{4})-(\d{2})$/, function (_, y, m) { return y + '年' + Number(m) + '月'; }) : '');
    chart('chart-ranking').setOption({
      backgroundColor: 'transparent', animation: animation,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (p) {
          var e = shown[p[0].dataIndex];
          return '第' + esc(e.rank) + '名 ' + esc(e.name) + '<br>积分 ' + esc(e.score) + '（扣' + esc(e.deducted) + '分）';
        } },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      dataZoom: shown.length > visible ? [{ type: 'inside', yAxisIndex: 0, startValue: 0, endValue: visible - 1, zoomLock: true }] : [],
      xAxis: Object.assign({ type: 'value', max: function (v) { return Math.max(100, v.max); }, show: false }, axisStyle),
      yAxis: { type: 'category', inverse: true, data: shown.map(function (e) { return e.rank + '. ' + e.name; }),
        axisLine: { show: false }, axisTick: { show: false },
        axisLabel: { color: '#cfe2ff', fontSize: 13, width: 130, overflow: 'truncate' } },
      series: [{
        type: 'bar', barWidth: 12, showBackground: true, backgroundStyle: { color: 'rgba(42, 90, 168, .25)', borderRadius: 6 },
        label: { show: true, position: 'right', color: '#fff', formatter: '{c}分' },
        data: shown.map(function (e) {
          var color = e.score >= 95 ? ['#1d6fff', '#39d0ff'] : e.score >= 85 ? ['#d48806', '#ffc53d'] : ['#cf1322', '#ff7875'];
          return { value: e.score, itemStyle: { borderRadius: 6,
            color: new echarts.graphic.LinearGradient(0, 0, 1, 0, [{ offset: 0, color: color[0] }, { offset: 1, color: color[1] }]) } };
        })
      }]
    });
  }

  function drawRate(data) {
    var rate = data.rectificationRate;
    var r = data.rectification;
    chart('chart-rate').setOption({
      backgroundColor: 'transparent', animation: animation,
      series: [{
        type: 'gauge', min: 0, max: 100, startAngle: 210, endAngle: -30, radius: '88%', center: ['50%', '55%'],
        progress: { show: true, width: 16, itemStyle: { color: rate == null ? '#55698f' : rate >= 90 ? COLORS.closed : rate >= 60 ? COLORS.YELLOW : COLORS.RED } },
        axisLine: { lineStyle: { width: 16, color: [[1, 'rgba(42, 90, 168, .4)']] } },
        axisTick: { show: false }, splitLine: { length: 8, lineStyle: { color: '#3a6cc0', width: 2 } },
        axisLabel: { color: '#7f9cc9', distance: 22, fontSize: 11 },
        pointer: { show: false }, anchor: { show: false },
        title: { show: true, offsetCenter: [0, '78%'], color: '#9fbbe6', fontSize: 15 },
        detail: { valueAnimation: animation, offsetCenter: [0, '0%'], fontSize: 44, fontWeight: 'bold', color: '#fff',
          formatter: function () { return rate == null ? '—' : rate + '%'; } },
        data: [{ value: rate == null ? 0 : rate,
          name: r.due === 0 ? '本月暂无到期问题' : '到期' + r.due + '件 · 按期整改' + r.onTime + '件' }]
      }]
    });
    text('rate-definition', r.definition);
  }

  function drawOverdue(data) {
    var body = $('overdue-list');
    body.textContent = '';
    text('overdue-caption', '共' + data.overdueTotal + '件' + (data.overdueTotal > data.overdue.length ? '，列出超期最久的' + data.overdue.length + '件' : ''));
    if (data.overdue.length === 0) {
      var row = body.insertRow();
      var cell = row.insertCell();
      cell.colSpan = 5;
      cell.className = 'empty';
      cell.textContent = '暂无超期问题';
      return;
    }
    data.overdue.forEach(function (p) {
      var row = body.insertRow();
      row.dataset.id = p.id;
      var level = row.insertCell();
      var tag = document.createElement('span');
      tag.className = 'tag ' + (p.level || '');
      tag.textContent = p.levelLabel || '—';
      level.appendChild(tag);
      var title = row.insertCell();
      title.className = 'title';
      title.textContent = p.title;
      title.title = p.title + '（第' + p.id + '号）';
      row.insertCell().textContent = p.unitName;
      var deadline = row.insertCell();
      deadline.textContent = cnShortDateTime(p.deadline, data.generatedAt);
      deadline.title = cnDateTime(p.deadline);
      var hours = row.insertCell();
      hours.className = 'hours';
      hours.textContent = cnHours(p.overdueHours);
    });
  }

  /** 0.8333 (a fraction, as the API gives rates) → 83.33%; null → — */
  function percent(rate) {
    return rate == null ? '—' : Math.round(rate * 10000) / 100 + '%';
  }

  var INTAKE_STATUSES = [
    { key: 'accepted', name: '立案', color: '#39b8ff' }, { key: 'merged', name: '合并', color: '#36d399' },
    { key: 'referred', name: '转办', color: '#ffc53d' }, { key: 'rejected', name: '不予受理', color: '#ff7a45' },
    { key: 'pendingTriage', name: '待分派', color: '#7f9cc9' }];
  var INTAKE_CHANNELS = 8;
  var INTAKE_UNITS = 5;

  /* 群众诉求与回访: this month's figures, the channels' tickets by triage, the units by 满意率 */
  function drawIntake(intake, definition) {
    var t = intake.total;
    text('intake-period', cnMonthDay(intake.from) + '至' + cnMonthDay(intake.to));
    text('intake-received', t.received);
    text('intake-callback', percent(t.callbackRate));
    text('intake-callback-parts', '应回访' + t.callbackDue + '件，已回访' + t.calledBack + '件');
    text('intake-satisfaction', percent(t.satisfactionRate));
    text('intake-satisfaction-parts', '联系上' + t.reached + '次，满意' + (t.satisfied + t.basicallySatisfied) + '次');
    $('intake-satisfaction-parts').title = '回访' + t.calls + '次，联系上' + t.reached + '次：满意' + t.satisfied + '次、基本满意'
      + t.basicallySatisfied + '次、不满意' + t.dissatisfied + '次；联系不上' + t.unreachable + '次';
    text('intake-unresolved', t.unresolved);
    text('intake-dissatisfied', t.dissatisfiedOpen);
    text('intake-cleared', t.cleared);
    text('intake-definition', definition);

    var channels = intake.channels.filter(function (c) { return c.received > 0; }).slice(0, INTAKE_CHANNELS);
    chart('chart-intake').setOption({
      backgroundColor: 'transparent', animation: animation,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (p) {
          var c = channels[p[0].dataIndex];
          return esc(c.name) + '：受理' + esc(c.received) + '件<br>' + INTAKE_STATUSES.map(function (s) {
            return s.name + ' ' + esc(c[s.key]);
          }).join('，') + '<br>满意率 ' + esc(percent(c.satisfactionRate)) + '，回访率 ' + esc(percent(c.callbackRate));
        } },
      legend: { data: INTAKE_STATUSES.map(function (s) { return s.name; }), top: 0, right: 8, itemWidth: 12, itemHeight: 8,
        textStyle: { color: '#cfe2ff', fontSize: 12 } },
      grid: { left: 8, right: 36, top: 24, bottom: 0, containLabel: true },
      xAxis: Object.assign({ type: 'value', minInterval: 1, splitNumber: 3 }, axisStyle),
      yAxis: { type: 'category', inverse: true, data: channels.map(function (c) { return c.name; }),
        axisLine: { show: false }, axisTick: { show: false },
        axisLabel: { color: '#cfe2ff', fontSize: 12, width: 110, overflow: 'truncate' } },
      series: INTAKE_STATUSES.map(function (s, i) {
        return { name: s.name, type: 'bar', stack: 'triage', barMaxWidth: 14, itemStyle: { color: s.color },
          label: i === INTAKE_STATUSES.length - 1 ? { show: true, position: 'right', color: '#fff', fontSize: 12,
            formatter: function (p) { return channels[p.dataIndex].received + '件'; } } : { show: false },
          data: channels.map(function (c) { return c[s.key]; }) };
      })
    });

    var body = $('intake-units');
    body.textContent = '';
    var ranked = intake.units.filter(function (u) { return u.rank != null; });
    text('intake-units-caption', ranked.length > INTAKE_UNITS ? '共' + ranked.length + '个单位，列出前' + INTAKE_UNITS + '名' : '');
    if (ranked.length === 0) {
      var row = body.insertRow();
      var cell = row.insertCell();
      cell.colSpan = 5;
      cell.className = 'empty';
      cell.textContent = '本月暂无联系上的回访';
      return;
    }
    ranked.slice(0, INTAKE_UNITS).forEach(function (u) {
      var row = body.insertRow();
      row.dataset.code = u.code;
      row.insertCell().textContent = u.rank;
      var name = row.insertCell();
      name.textContent = u.name;
      name.title = u.name;
      row.insertCell().textContent = u.reached + '次';
      var rate = row.insertCell();
      rate.className = 'rate';
      rate.textContent = percent(u.satisfactionRate);
      var open = row.insertCell();
      open.className = u.dissatisfiedOpen > 0 ? 'bad' : '';
      open.textContent = u.dissatisfiedOpen + '件';
    });
  }

  function render(data) {
    var generated = Date.parse(data.generatedAt);
    if (!isNaN(generated)) {
      serverOffsetMs = generated - Date.now();
      tick();
    }
    text('bureau', data.bureauName);
    text('count-total', data.counts.total);
    text('count-blue', data.counts.blue);
    text('count-yellow', data.counts.yellow);
    text('count-red', data.counts.red);
    text('overdue-total', data.overdueTotal);
    text('rate', data.rectificationRate == null ? '—' : data.rectificationRate + '%');
    text('rate-parts', data.rectification.due + '件到期');
    drawTrend(data.trend);
    drawLevels(data.counts);
    drawRanking(data.ranking, data.month);
    drawRate(data);
    drawOverdue(data);
    drawIntake(data.intake, data.intakeDefinition);
    var status = $('status');
    status.className = '';
    status.textContent = '数据时间：' + cnDateTime(data.generatedAt);
    document.body.dataset.generatedAt = data.generatedAt;
    document.body.dataset.loaded = 'true';
  }

  function load() {
    return fetch(new URL('/api/dashboard', window.location.origin), {
      credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(render).catch(function (e) {
      var status = $('status');
      status.className = 'error';
      status.textContent = '数据获取失败（' + e.message + '），30秒后重试';
    });
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });

  tick();
  setInterval(tick, 1000);
  if (animation) { setInterval(turnRanking, 6000); }
  load();
  setInterval(load, REFRESH_MS);
  window.jiandu = { reload: load };
}());
