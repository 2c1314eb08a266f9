/* app.js - the brink workbench page (docs/workbench.md).  It shows what the
 * server's JSON API (cli/serve_api.c) returns; every number comes from the
 * library.  Charts: d3 from Debian's libjs-d3, served by the server. */
'use strict';
var TOKEN = document.querySelector('meta[name="brink-token"]').content;
var state = { scenario: null, levers: [], changed: {}, actors: [], target: '', play: null };

function $(id) { return document.getElementById(id); }
function el(tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text !== undefined) e.textContent = text;
  return e;
}
function pct(x) { return x === null ? '-' : (100 * x).toFixed(1) + '%'; }
function fmt(x, d) { return x === null || x === undefined ? '-' : Number(x).toFixed(d === undefined ? 3 : d); }

function api(method, path, body) {
  var opt = { method: method, headers: {} };
  if (body !== undefined) {
    opt.body = JSON.stringify(body);
    opt.headers['Content-Type'] = 'application/json';
    opt.headers['X-Brink-Token'] = TOKEN;
  }
  return fetch('/api/' + path, opt).then(function (r) {
    var ct = r.headers.get('Content-Type') || '';
    var p = ct.indexOf('json') >= 0 ? r.json() : r.text();
    return p.then(function (d) { return { status: r.status, data: d }; });
  });
}

/* ---- tabs ---------------------------------------------------------------- */
Array.prototype.forEach.call(document.querySelectorAll('#tabs button'), function (b) {
  b.addEventListener('click', function () {
    Array.prototype.forEach.call(document.querySelectorAll('#tabs button'), function (x) { x.classList.remove('active'); });
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (x) { x.classList.remove('active'); });
    b.classList.add('active');
    $('view-' + b.dataset.view).classList.add('active');
  });
});

/* ---- scenario and levers ------------------------------------------------- */
function loadScenario(path) {
  return api('GET', 'scenario?path=' + encodeURIComponent(path)).then(function (r) {
    if (r.status !== 200) { $('scenario-name').textContent = r.data.error || 'cannot load'; return; }
    state.scenario = path;
    state.levers = r.data.levers;
    state.actors = r.data.actors;
    state.target = r.data.target;
    state.changed = {};
    $('scenario-name').textContent = r.data.name;
    drawLevers();
    var pa = $('play-actor');
    pa.innerHTML = '';
    r.data.actors.forEach(function (a) {
      if (a.id !== r.data.target) pa.appendChild(el('option', { value: a.id }, a.id + ' - ' + a.name));
    });
    var ra = $('run-actor');
    ra.innerHTML = '<option value="">all</option>';
    r.data.actors.forEach(function (a) { ra.appendChild(el('option', { value: a.id }, a.id)); });
  });
}

function drawLevers() {
  var box = $('levers');
  box.innerHTML = '';
  var groups = {};
  state.levers.forEach(function (l) { (groups[l.group] = groups[l.group] || []).push(l); });
  Object.keys(groups).forEach(function (g, gi) {
    var d = el('details');
    if (gi < 2) d.open = true;
    d.appendChild(el('summary', {}, g + ' (' + groups[g].length + ')'));
    groups[g].forEach(function (l) {
      var row = el('div', { 'class': 'lever', 'data-path': l.path });
      var lab = el('label', { title: l.meaning + ' [' + l.path + ']' }, l.label);
      var inp = el('input', { type: 'number', min: l.min, max: l.max, step: 'any', value: l.value,
                              'data-path': l.path, 'aria-label': l.label });
      var meta = el('span', { 'class': 'hint' }, '[' + l.min + ', ' + l.max + '] ' + l.unit + ' - ' + l.meaning);
      var err = el('div', { 'class': 'err' });
      inp.addEventListener('change', function () {
        var v = Number(inp.value);
        if (inp.value === '' || v === l.value) delete state.changed[l.path];
        else state.changed[l.path] = v;
        row.classList.toggle('changed', l.path in state.changed);
        validate();
      });
      row.appendChild(lab); row.appendChild(inp); row.appendChild(meta); row.appendChild(err);
      d.appendChild(row);
    });
    box.appendChild(d);
  });
}

function validate() {
  Array.prototype.forEach.call(document.querySelectorAll('.lever .err'), function (e) { e.textContent = ''; });
  return api('POST', 'validate', { path: state.scenario, set: state.changed }).then(function (r) {
    var n = Object.keys(state.changed).length;
    if (r.status === 200 && r.data.ok) { $('validate-status').textContent = n + ' lever(s) changed; the scenario is valid'; return true; }
    $('validate-status').textContent = r.data.error || 'invalid';
    (r.data.errors || [r.data.error]).forEach(function (msg) {
      var shown = false;
      Array.prototype.forEach.call(document.querySelectorAll('.lever'), function (row) {
        if (msg.indexOf(row.dataset.path + ':') >= 0) { row.querySelector('.err').textContent = msg; shown = true; }
      });
      if (!shown) $('validate-status').textContent += ' ' + msg;
    });
    return false;
  });
}
$('reset-levers').addEventListener('click', function () { state.changed = {}; drawLevers(); validate(); });

/* ---- jobs: progress and cancel -------------------------------------------- */
function runJob(kind, body, prefix, done) {
  $(prefix + '-status').textContent = 'starting...';
  $(prefix + '-status').classList.remove('error');
  api('POST', kind, body).then(function (r) {
    if (r.status !== 202) {
      $(prefix + '-status').textContent = r.data.error + (r.data.errors ? ': ' + r.data.errors.join('; ') : '');
      $(prefix + '-status').classList.add('error');
      return;
    }
    var id = r.data.job;
    $(prefix + '-cancel').disabled = false;
    $(prefix + '-cancel').onclick = function () { api('POST', 'cancel', { job: id }); };
    (function poll() {
      api('GET', 'job?id=' + id).then(function (s) {
        var j = s.data;
        $(prefix + '-progress').value = j.total ? j.done / j.total : 0;
        $(prefix + '-status').textContent = j.state + ' (' + j.done + ' / ' + j.total + ' runs)';
        if (j.state === 'running') { setTimeout(poll, 250); return; }
        $(prefix + '-cancel').disabled = true;
        if (j.state === 'done') done(j.result);
      });
    })();
  });
}

/* ---- charts ----------------------------------------------------------------- */
var tip = $('tooltip');
function showTip(html, ev) {
  tip.hidden = false; tip.innerHTML = html;
  tip.style.left = (ev.pageX + 12) + 'px'; tip.style.top = (ev.pageY + 12) + 'px';
}
function hideTip() { tip.hidden = true; }

function monthLabel(start, i) {
  var y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7)) - 1 + i;
  y += Math.floor(m / 12); m = m % 12;
  return y + '-' + (m < 9 ? '0' : '') + (m + 1);
}

/* a fan chart: 5-95% band and median of a monthly series, zoomable in time */
function fanChart(parent, s, start, opts) {
  var W = 760, H = 220, M = { t: 24, r: 10, b: 30, l: 50 };
  var n = s.q50.length;
  var x = d3.scale.linear().domain([0, n - 1]).range([M.l, W - M.r]);
  var lo = d3.min(s.q05), hi = d3.max(s.q95);
  var y = d3.scale.linear().domain([Math.min(0, lo), hi > lo ? hi : lo + 1]).nice().range([H - M.b, M.t]);
  var svg = d3.select(parent).append('svg').attr('class', 'chart').attr('width', W).attr('height', H);
  svg.append('text').attr('x', M.l).attr('y', 14).text(s.label + ' (band 5-95%, line median)');
  svg.append('clipPath').attr('id', 'clip-' + s.name).append('rect')
     .attr('x', M.l).attr('y', 0).attr('width', W - M.l - M.r).attr('height', H);
  var g = svg.append('g').attr('clip-path', 'url(#clip-' + s.name + ')');
  var idx = d3.range(n);
  var area = d3.svg.area().x(function (i) { return x(i); }).y0(function (i) { return y(s.q05[i]); }).y1(function (i) { return y(s.q95[i]); });
  var line = d3.svg.line().x(function (i) { return x(i); }).y(function (i) { return y(s.q50[i]); });
  var band = g.append('path').datum(idx).attr('class', 'band').attr('d', area);
  var med = g.append('path').datum(idx).attr('class', 'median').attr('d', line);
  var xa = d3.svg.axis().scale(x).orient('bottom').ticks(8).tickFormat(function (i) { return monthLabel(start, Math.round(i)).slice(0, 4); });
  var xg = svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (H - M.b) + ')').call(xa);
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + M.l + ',0)').call(d3.svg.axis().scale(y).orient('left').ticks(5));
  var zoom = d3.behavior.zoom().x(x).scaleExtent([1, 20]).on('zoom', function () {
    band.attr('d', area); med.attr('d', line); xg.call(xa);
  });
  svg.append('rect').attr('x', M.l).attr('y', M.t).attr('width', W - M.l - M.r).attr('height', H - M.t - M.b)
     .style('fill', 'none').style('pointer-events', 'all').call(zoom)
     .on('mousemove', function () {
       var i = Math.max(0, Math.min(n - 1, Math.round(x.invert(d3.mouse(this)[0]))));
       showTip(monthLabel(start, i) + ': median ' + fmt(s.q50[i]) + ', 5-95% ' + fmt(s.q05[i]) + ' - ' + fmt(s.q95[i]), d3.event);
     }).on('mouseout', hideTip);
  if (opts && opts.toggle) {
    var lab = el('label', {}, ' band');
    var cb = el('input', { type: 'checkbox' }); cb.checked = true;
    cb.addEventListener('change', function () { band.style('display', cb.checked ? null : 'none'); });
    lab.insertBefore(cb, lab.firstChild);
    parent.appendChild(lab);
  }
}

/* annual counts: median with 5-95% whiskers against the record (red dots) */
function countChart(parent, c) {
  var W = 760, H = 200, M = { t: 24, r: 10, b: 30, l: 50 };
  var ys = c.years;
  var x = d3.scale.ordinal().domain(ys.map(function (d) { return d.year; })).rangeBands([M.l, W - M.r], 0.3);
  var top = d3.max(ys, function (d) { return Math.max(d.q95, d.record === null ? 0 : d.record); }) || 1;
  var y = d3.scale.linear().domain([0, top]).nice().range([H - M.b, M.t]);
  var svg = d3.select(parent).append('svg').attr('class', 'chart').attr('width', W).attr('height', H);
  svg.append('text').attr('x', M.l).attr('y', 14).text(c.label + ': median and 5-95% of runs; red: the record');
  var g = svg.selectAll('g.yr').data(ys).enter().append('g');
  g.append('rect').attr('class', 'bar').attr('x', function (d) { return x(d.year); }).attr('width', x.rangeBand())
   .attr('y', function (d) { return y(d.q50); }).attr('height', function (d) { return y(0) - y(d.q50); });
  g.append('line').attr('x1', function (d) { return x(d.year) + x.rangeBand() / 2; }).attr('x2', function (d) { return x(d.year) + x.rangeBand() / 2; })
   .attr('y1', function (d) { return y(d.q05); }).attr('y2', function (d) { return y(d.q95); }).style('stroke', '#1d3557');
  g.filter(function (d) { return d.record !== null; }).append('circle').attr('class', 'record')
   .attr('cx', function (d) { return x(d.year) + x.rangeBand() / 2; }).attr('cy', function (d) { return y(d.record); }).attr('r', 4);
  g.on('mousemove', function (d) {
    showTip(d.year + ': mean ' + fmt(d.mean, 2) + ', median ' + d.q50 + ', 5-95% ' + d.q05 + '-' + d.q95 + (d.record !== null ? ', record ' + d.record : ''), d3.event);
  }).on('mouseout', hideTip);
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (H - M.b) + ')')
     .call(d3.svg.axis().scale(x).orient('bottom').tickValues(x.domain().filter(function (v, i) { return i % 2 === 0; })));
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + M.l + ',0)').call(d3.svg.axis().scale(y).orient('left').ticks(5));
}

/* horizontal bars with intervals: probabilities, or differences around 0 */
function intervalChart(parent, rows, title, diff) {
  var W = 820, bh = 20, M = { t: 24, r: 20, b: 24, l: 290 }, H = M.t + M.b + rows.length * bh;
  var ext = diff ? [d3.min(rows, function (r) { return r.lo; }), d3.max(rows, function (r) { return r.hi; })] : [0, 1];
  if (diff) { var a = Math.max(Math.abs(ext[0]), Math.abs(ext[1]), 1e-9); ext = [-a, a]; }
  var x = d3.scale.linear().domain(ext).range([M.l, W - M.r]);
  var svg = d3.select(parent).append('svg').attr('class', 'chart').attr('width', W).attr('height', H);
  svg.append('text').attr('x', 4).attr('y', 14).text(title);
  var g = svg.selectAll('g.r').data(rows).enter().append('g').attr('transform', function (r, i) { return 'translate(0,' + (M.t + i * bh) + ')'; });
  g.append('text').attr('x', M.l - 6).attr('y', bh * 0.7).style('text-anchor', 'end').text(function (r) { return r.label; });
  g.append('rect').attr('class', function (r) { return r.v < 0 ? 'neg' : 'bar'; })
   .attr('x', function (r) { return x(Math.min(0, r.v)); }).attr('y', 3).attr('height', bh - 6)
   .attr('width', function (r) { return Math.abs(x(r.v) - x(0)); });
  g.append('line').attr('x1', function (r) { return x(r.lo); }).attr('x2', function (r) { return x(r.hi); })
   .attr('y1', bh / 2).attr('y2', bh / 2).style('stroke', '#000');
  g.on('mousemove', function (r) { showTip(r.label + ': ' + fmt(r.v, 4) + ' [' + fmt(r.lo, 4) + ', ' + fmt(r.hi, 4) + ']', d3.event); })
   .on('mouseout', hideTip);
  svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (H - M.b) + ')').call(d3.svg.axis().scale(x).orient('bottom').ticks(6));
}

/* ---- ensemble ------------------------------------------------------------- */
$('ens-run').addEventListener('click', function () {
  runJob('ensemble', { path: state.scenario, set: state.changed, runs: Number($('ens-runs').value), seed: Number($('ens-seed').value) },
    'ens', drawEnsemble);
});

function drawEnsemble(res) {
  var box = $('ens-result');
  box.innerHTML = '';
  box.appendChild(el('h3', {}, 'Outcomes by the horizon (' + res.runs + ' runs; 95% Wilson intervals)'));
  intervalChart(box, res.outcomes.map(function (o) { return { label: o.label, v: o.p, lo: o.lo, hi: o.hi }; }), 'probability of each outcome', false);
  var t = el('table', { id: 'ens-outcomes' });
  t.appendChild(el('tr')).innerHTML = '<th>outcome</th><th>probability</th><th>95% interval</th>';
  res.outcomes.forEach(function (o) {
    var r = el('tr'); r.appendChild(el('td', {}, o.label)); r.appendChild(el('td', {}, pct(o.p)));
    r.appendChild(el('td', {}, pct(o.lo) + ' - ' + pct(o.hi))); t.appendChild(r);
  });
  box.appendChild(t);
  box.appendChild(el('h3', {}, 'Milestones'));
  var mt = el('table');
  mt.appendChild(el('tr')).innerHTML = '<th>milestone</th><th>share of runs</th><th>median month</th><th>5%</th><th>95%</th>';
  res.milestones.forEach(function (m) {
    var r = el('tr');
    [m.label, pct(m.p), m.median || '-', m.q05 || '-', m.q95 || '-'].forEach(function (v) { r.appendChild(el('td', {}, v)); });
    mt.appendChild(r);
  });
  box.appendChild(mt);
  box.appendChild(el('h3', {}, 'Annual counts against the record'));
  var sel = el('select', { id: 'ens-count' });
  res.counts.forEach(function (c, i) { sel.appendChild(el('option', { value: i }, c.label)); });
  var cbox = el('div');
  box.appendChild(sel); box.appendChild(cbox);
  function drawCount() { cbox.innerHTML = ''; countChart(cbox, res.counts[Number(sel.value)]); }
  sel.addEventListener('change', drawCount); drawCount();
  box.appendChild(el('h3', {}, 'Monthly series (drag to pan, wheel to zoom)'));
  var ssel = el('select', { id: 'ens-series' });
  res.series.forEach(function (s, i) { ssel.appendChild(el('option', { value: i }, s.label)); });
  var sbox = el('div');
  box.appendChild(ssel); box.appendChild(sbox);
  function drawSeries() { sbox.innerHTML = ''; fanChart(sbox, res.series[Number(ssel.value)], res.start, { toggle: true }); }
  ssel.addEventListener('change', drawSeries); drawSeries();
}

/* ---- compare ------------------------------------------------------------- */
var OUTPUT_WORDS = {
  war: 'war', regime_collapse: 'regime collapse', comprehensive_deal: 'comprehensive deal',
  partial_deal_or_freeze: 'partial deal or freeze', nuclear_status_quo: 'nuclear status quo',
  deal_or_freeze: 'deal or freeze'
};
function words(name) {
  if (OUTPUT_WORDS[name]) return OUTPUT_WORDS[name] + ' (probability)';
  return name.replace(/_reached$/, ' reached (probability)').replace(/_total$/, ' (total per run)').replace(/_/g, ' ');
}
$('cmp-run').addEventListener('click', function () {
  runJob('compare', { path: state.scenario, set: state.changed, runs: Number($('cmp-runs').value), seed: Number($('cmp-seed').value) },
    'cmp', drawCompare);
});
function drawCompare(res) {
  var box = $('cmp-result'), ch = $('cmp-chart');
  box.innerHTML = ''; ch.innerHTML = '';
  var rows = res.outputs.filter(function (o) { return !/_total$/.test(o.name); });
  intervalChart(ch, rows.map(function (o) { return { label: words(o.name), v: o.diff, lo: o.lo, hi: o.hi }; }),
    'what-if minus baseline, with 95% intervals of the paired differences (' + res.runs + ' pairs of runs)', true);
  var t = el('table', { id: 'cmp-table' });
  t.appendChild(el('tr')).innerHTML = '<th>output</th><th>baseline</th><th>what-if</th><th>difference</th><th>95% interval</th>';
  res.outputs.forEach(function (o) {
    var r = el('tr');
    [words(o.name), fmt(o.baseline, 4), fmt(o.what_if, 4), fmt(o.diff, 4), fmt(o.lo, 4) + ' - ' + fmt(o.hi, 4)]
      .forEach(function (v) { r.appendChild(el('td', {}, v)); });
    t.appendChild(r);
  });
  box.appendChild(t);
}

/* ---- run view ------------------------------------------------------------- */
var lastRun = null;
$('run-go').addEventListener('click', function () {
  $('run-status').textContent = 'running...';
  api('GET', 'run?path=' + encodeURIComponent(state.scenario) + '&seed=' + Number($('run-seed').value) + '&run=' + Number($('run-index').value))
    .then(function (r) {
      if (r.status !== 200) { $('run-status').textContent = r.data.error; return; }
      lastRun = r.data;
      $('run-status').textContent = r.data.events.length + ' events; outcome: ' + r.data.outcome.replace(/_/g, ' ');
      var kinds = {};
      r.data.events.forEach(function (e) { kinds[e.action] = 1; });
      var ks = $('run-kind');
      ks.innerHTML = '<option value="">all</option>';
      Object.keys(kinds).sort().forEach(function (k) { ks.appendChild(el('option', { value: k }, k.replace(/_/g, ' '))); });
      drawRun();
    });
});
$('run-actor').addEventListener('change', drawRun);
$('run-kind').addEventListener('change', drawRun);
function eventLine(e) {
  var d = el('div', { 'class': 'event' });
  d.appendChild(el('span', {}, e.date + ' ' + e.actor + (e.target ? ' -> ' + e.target : '') + ': ' + e.action.replace(/_/g, ' ') + ' - ' + e.detail));
  if (e.why) {
    var w = e.why, why = el('div', { 'class': 'why' });
    var txt = 'why: security ' + fmt(w.security) + ', economy ' + fmt(w.economy) + ', prestige ' + fmt(w.prestige) +
      ', reactions ' + fmt(w.reactions) + ' = utility ' + fmt(w.total) + '; choice probability ' + fmt(w.p) +
      '; best alternative: ' + (w.best_alternative || 'none').replace(/_/g, ' ') + ' (utility ' + fmt(w.best_alternative_total) + ')';
    why.appendChild(el('span', {}, txt));
    if (w.played) why.appendChild(el('span', {}, ' - the player\'s decision (the model\'s own choice probability is shown)'));
    if (w.against_the_odds) why.appendChild(el('span', { 'class': 'odds' }, ' - drawn against the odds (the best alternative was worth more)'));
    if (w.changed_last_month && w.changed_last_month.length) {
      why.appendChild(el('div', {}, 'what moved since the month before: ' + w.changed_last_month.map(function (c) {
        return c.series.replace(/_/g, ' ') + ' ' + (c.change > 0 ? '+' : '') + fmt(c.change);
      }).join(', ')));
    }
    d.appendChild(why);
  }
  return d;
}
function drawRun() {
  if (!lastRun) return;
  var box = $('run-result'), a = $('run-actor').value, k = $('run-kind').value;
  box.innerHTML = '';
  var list = el('div', { 'class': 'events', id: 'run-events' });
  lastRun.events.forEach(function (e) {
    if ((a && e.actor !== a) || (k && e.action !== k)) return;
    list.appendChild(eventLine(e));
  });
  box.appendChild(list);
}

/* ---- play ----------------------------------------------------------------- */
function playState(d) {
  state.play = d;
  $('play-board').hidden = false;
  var m = d.menu;
  $('play-events').appendChild((function () { var f = document.createDocumentFragment(); d.events.forEach(function (e) { f.appendChild(eventLine(e)); }); return f; })());
  $('play-events').scrollTop = 1e9;
  $('play-score').textContent = 'decisions ' + d.score.decisions + '; mean log probability the model gives them ' +
    fmt(d.score.mean_logp) + ' (its own policy expects ' + fmt(d.score.model_mean_logp) + '); the model\'s most likely option chosen in ' + pct(d.score.agree) + ' of months';
  $('play-advice').innerHTML = '';
  if (d.done) {
    $('play-month').textContent = 'The game has ended: ' + d.outcome.replace(/_/g, ' ');
    $('play-menu').innerHTML = '';
    $('play-decide').disabled = true;
    return;
  }
  $('play-month').textContent = m.month + ': ' + d.actor + ' decides' + (m.talks_open ? ' (talks with ' + state.target + ' are open)' : '');
  var t = el('table', { id: 'play-options' });
  t.appendChild(el('tr')).innerHTML = '<th>option</th><th>model\'s choice probability</th><th>model\'s chance of exactly this, this month</th>';
  m.options.forEach(function (o, i) {
    var r = el('tr'), c = el('td'), lab = el('label');
    var rb = el('input', { type: 'radio', name: 'play-option', value: o.action });
    if (i === 0) rb.checked = true;
    lab.appendChild(rb); lab.appendChild(document.createTextNode(' ' + o.action.replace(/_/g, ' ')));
    c.appendChild(lab); r.appendChild(c);
    r.appendChild(el('td', {}, fmt(o.p))); r.appendChild(el('td', {}, fmt(o.chance)));
    t.appendChild(r);
  });
  $('play-menu').innerHTML = '';
  $('play-menu').appendChild(t);
  $('play-decide').disabled = false;
}
$('play-start').addEventListener('click', function () {
  $('play-events').innerHTML = ''; $('play-log').value = ''; $('play-replay-status').textContent = '';
  api('POST', 'play/new', { path: state.scenario, actor: $('play-actor').value, seed: Number($('play-seed').value) }).then(function (r) {
    if (r.status !== 200) { $('play-status').textContent = r.data.error; return; }
    $('play-status').textContent = 'session ' + r.data.session.slice(0, 8);
    $('play-csv').href = '/api/play/events?session=' + r.data.session;
    playState(r.data);
  });
});
$('play-decide').addEventListener('click', function () {
  var c = document.querySelector('input[name="play-option"]:checked');
  $('play-decide').disabled = true;
  api('POST', 'play/decide', { session: state.play.session, action: c.value, talks: $('play-talks').value }).then(function (r) {
    if (r.status !== 200) { $('play-status').textContent = r.data.error; $('play-decide').disabled = false; return; }
    r.data.session = state.play.session;
    playState(r.data);
  });
});
$('play-advise').addEventListener('click', function () {
  $('play-advice').textContent = 'the advisor runs 200 look-ahead runs per option...';
  api('GET', 'play/menu?advice=1&session=' + state.play.session).then(function (r) {
    var box = $('play-advice');
    box.innerHTML = '';
    var t = el('table', { id: 'play-outlook' });
    var o0 = r.data.menu.options[0].outlook;
    t.appendChild(el('tr')).innerHTML = '<th>if ' + r.data.actor + ' chooses</th><th>P(nuclear test)</th><th>P(talks)</th><th>P(summit)</th><th>P(armed clash)</th><th>P(war)</th><th>missiles (mean)</th>';
    r.data.menu.options.forEach(function (o) {
      var tr = el('tr'), ol = o.outlook;
      [o.action.replace(/_/g, ' '), pct(ol.nuclear_test), pct(ol.talks), pct(ol.summit), pct(ol.clash), pct(ol.war), fmt(ol.missiles, 1)]
        .forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      t.appendChild(tr);
    });
    box.appendChild(el('p', { 'class': 'hint' }, 'Look-ahead: ' + o0.runs + ' runs over the next ' + o0.months +
      ' months for each option, the same random numbers for every option; the model decides for ' + r.data.actor + ' after this month.'));
    box.appendChild(t);
  });
});
$('play-save').addEventListener('click', function () {
  api('GET', 'play/log?session=' + state.play.session).then(function (r) { $('play-log').value = r.data; });
});
$('play-replay').addEventListener('click', function () {
  var log = $('play-log').value, sid = state.play.session;
  api('POST', 'play/replay', { path: state.scenario, log: log }).then(function (r) {
    if (r.status !== 200) { $('play-replay-status').textContent = r.data.error; return; }
    Promise.all([api('GET', 'play/events?session=' + sid), api('GET', 'play/events?session=' + r.data.session)]).then(function (v) {
      var same = v[0].data === v[1].data;
      $('play-replay-status').textContent = same ? 'replayed: the same events, byte for byte (' + v[1].data.length + ' bytes)'
                                                 : 'replayed: the events DIFFER';
    });
  });
});

/* ---- start ------------------------------------------------------------------ */
api('GET', 'info').then(function (r) {
  var sel = $('scenario');
  r.data.scenarios.filter(function (p) { return /^scenarios\/[^/]*\.yaml$|^scenarios\/cases\//.test(p) || !/^(data|scenarios\/(experiments|forecast))\//.test(p); })
    .forEach(function (p) { sel.appendChild(el('option', { value: p }, p)); });
  var def = r.data.scenarios.indexOf('scenarios/korea.yaml') >= 0 ? 'scenarios/korea.yaml' : sel.value;
  sel.value = def;
  sel.addEventListener('change', function () { loadScenario(sel.value); });
  if (def) loadScenario(def).then(function () { document.body.dataset.ready = '1'; });
});
