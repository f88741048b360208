/**
 * The local preview's one page: a spreadsheet-like grid of the workbook (left), the
 * «Наставничество» menu (top) and the real sidebar in an iframe (right). No external resources;
 * every cell text goes through textContent, never innerHTML.
 */

const CSS = `
:root { --accent: #1a73e8; --border: #e2e3e3; --head: #f8f9fa; --muted: #5f6368; }
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font-family: Roboto, Arial, sans-serif; font-size: 13px; color: #202124; display: flex; flex-direction: column; }
header.top { display: flex; align-items: center; gap: 12px; padding: 6px 12px; border-bottom: 1px solid var(--border); background: #fff; }
.logo { width: 26px; height: 26px; border-radius: 4px; background: #188038; color: #fff; display: grid; place-items: center; font-weight: 700; }
.doc-title { font-size: 16px; }
.doc-file { color: var(--muted); font-size: 12px; }
.menubar { display: flex; gap: 2px; margin-left: 8px; position: relative; }
.menubar > button { background: none; border: 0; padding: 4px 8px; border-radius: 4px; font: inherit; cursor: pointer; }
.menubar > button:hover, .menubar > button[aria-expanded="true"] { background: #e8eaed; }
.menu { position: absolute; top: 28px; left: 0; z-index: 20; min-width: 260px; background: #fff; border: 1px solid #dadce0; border-radius: 4px; box-shadow: 0 2px 8px rgba(60,64,67,.3); padding: 6px 0; }
.menu[hidden] { display: none; }
.menu button { display: block; width: 100%; text-align: left; background: none; border: 0; padding: 6px 24px; font: inherit; cursor: pointer; }
.menu button:hover, .menu button:focus { background: #f1f3f4; outline: none; }
.menu hr { border: 0; border-top: 1px solid #e8eaed; margin: 6px 0; }
.menu .empty { padding: 6px 24px; color: var(--muted); }
.spacer { flex: 1; }
.formula-bar { display: flex; align-items: center; gap: 8px; padding: 4px 12px; border-bottom: 1px solid var(--border); background: #fff; min-height: 28px; }
.formula-bar .addr { width: 90px; color: var(--muted); border-right: 1px solid var(--border); }
.formula-bar .content { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.workspace { flex: 1; display: flex; min-height: 0; }
.sheet-area { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.grid-wrap { flex: 1; overflow: auto; background: #fff; }
table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
table.grid td, table.grid th { border-right: 1px solid var(--border); border-bottom: 1px solid var(--border); height: 22px; padding: 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 0; position: relative; }
table.grid th { background: var(--head); color: var(--muted); font-weight: 400; font-size: 11px; text-align: center; }
table.grid thead th { position: sticky; top: 0; z-index: 3; }
table.grid th.rowhead { position: sticky; left: 0; z-index: 2; width: 46px; }
table.grid thead th.corner { left: 0; z-index: 4; }
table.grid tr.frozen td, table.grid tr.frozen th { position: sticky; z-index: 2; background-clip: padding-box; }
table.grid tr.frozen td { background-color: #fff; }
table.grid tr.frozen th.rowhead { z-index: 3; }
table.grid tr.frozen-last td, table.grid tr.frozen-last th { border-bottom: 2px solid #c0c0c0; }
table.grid td.num { text-align: right; }
table.grid td.sel { outline: 2px solid var(--accent); outline-offset: -2px; }
table.grid td.has-note::after { content: ""; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #f29900 transparent transparent; }
.tabs { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid var(--border); background: var(--head); overflow-x: auto; }
.tabs button { border: 0; background: none; padding: 6px 14px; font: inherit; cursor: pointer; color: #3c4043; border-bottom: 3px solid transparent; white-space: nowrap; }
.tabs button.active { background: #e8f0fe; color: var(--accent); border-bottom-color: var(--accent); font-weight: 500; }
/* 300px inside the border: the width Sheets gives a sidebar. */
aside.sidebar { width: 301px; border-left: 1px solid var(--border); display: flex; flex-direction: column; background: #fff; }
aside.sidebar[hidden] { display: none; }
aside.sidebar .bar { display: flex; align-items: center; padding: 8px 12px; border-bottom: 1px solid var(--border); font-size: 15px; }
aside.sidebar .bar button { margin-left: auto; border: 0; background: none; font-size: 18px; cursor: pointer; color: var(--muted); }
aside.sidebar iframe { flex: 1; border: 0; width: 100%; }
.toast { position: fixed; left: 16px; bottom: 44px; z-index: 30; max-width: 460px; background: #323232; color: #fff; border-radius: 4px; padding: 10px 36px 10px 14px; box-shadow: 0 2px 8px rgba(0,0,0,.3); white-space: pre-wrap; }
.toast[hidden] { display: none; }
.toast .t-title { font-weight: 500; margin-bottom: 2px; }
.toast button { position: absolute; top: 6px; right: 8px; background: none; border: 0; color: #fff; cursor: pointer; font-size: 16px; }
.modal-bg { position: fixed; inset: 0; background: rgba(0,0,0,.3); z-index: 40; display: grid; place-items: center; }
.modal-bg[hidden] { display: none; }
.modal { background: #fff; border-radius: 8px; padding: 20px 24px; max-width: 480px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.modal h2 { margin: 0 0 10px; font-size: 16px; font-weight: 500; }
.modal p { white-space: pre-wrap; }
.modal button { float: right; background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 6px 16px; cursor: pointer; }
.empty-sheet { padding: 24px; color: var(--muted); }
`;

/** Client script: plain ES2019, no template literals so it can live in this string. */
const CLIENT = String.raw`
(function () {
  'use strict';
  var state = { stamp: null, names: [], sheet: null, current: null, active: null, file: '' };
  var $ = function (id) { return document.getElementById(id); };

  function api(path, body) {
    var init = body === undefined ? { headers: { 'X-Nastavnik': '1' } }
      : { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nastavnik': '1' }, body: JSON.stringify(body) };
    return fetch(path, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok || r.headers.get('X-Nastavnik-Error')) throw new Error((data && data.error) || ('Ошибка ' + r.status));
        return data;
      });
    });
  }

  function letter(col) {
    var s = '', n = col + 1;
    while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
    return s;
  }

  // ---- toast and alert (in-page: no window.alert)
  var toastTimer = null;
  function toast(text) {
    $('toast-text').textContent = text;
    $('toast').hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { $('toast').hidden = true; }, 9000);
  }
  function alertBox(text) {
    $('modal-text').textContent = text;
    $('modal').hidden = false;
    $('modal-ok').focus();
  }

  // ---- sidebar
  function openSidebar(view) {
    $('sidebar').hidden = false;
    $('sidebar-frame').src = '/sidebar?view=' + encodeURIComponent(view || 'home');
  }

  // ---- menu
  function buildMenu(items, title) {
    var btn = $('menu-button');
    btn.textContent = title;
    var menu = $('menu');
    items.forEach(function (item) {
      if (item.separatorBefore) menu.appendChild(document.createElement('hr'));
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.dataset.id = item.id;
      b.textContent = item.title;
      b.addEventListener('click', function () { closeMenus(); runMenu(item); });
      menu.appendChild(b);
    });
    btn.addEventListener('click', function (e) { e.stopPropagation(); toggle(btn, menu); });
    var fbtn = $('files-button');
    fbtn.addEventListener('click', function (e) { e.stopPropagation(); loadFiles(); toggle(fbtn, $('files-menu')); });
    document.addEventListener('click', closeMenus);
  }
  function toggle(btn, menu) {
    var open = menu.hidden;
    closeMenus();
    menu.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
  }
  function closeMenus() {
    ['menu', 'files-menu'].forEach(function (id) { $(id).hidden = true; });
    ['menu-button', 'files-button'].forEach(function (id) { $(id).setAttribute('aria-expanded', 'false'); });
  }
  function runMenu(item) {
    if (item.view) { openSidebar(item.view); return; }
    toast('Выполняется «' + item.title + '»…');
    api('/api/menu/' + encodeURIComponent(item.id), {}).then(function (res) {
      if (res.view) openSidebar(res.view);
      if (res.toast) toast(res.toast);
      // The open sidebar reloads the views that show the workbook's state.
      var frame = $('sidebar-frame');
      if (!res.view && !$('sidebar').hidden && frame.contentWindow) frame.contentWindow.postMessage({ type: 'nastavnik:changed' }, location.origin);
      refresh();
    }, function (err) {
      $('toast').hidden = true;
      alertBox(err.message);
      refresh();
    });
  }
  function loadFiles() {
    var menu = $('files-menu');
    api('/api/files').then(function (res) {
      while (menu.firstChild) menu.removeChild(menu.firstChild);
      if (!res.files.length) {
        var p = document.createElement('div');
        p.className = 'empty';
        p.textContent = 'Документов пока нет';
        menu.appendChild(p);
      }
      res.files.forEach(function (f) {
        var a = document.createElement('button');
        a.type = 'button';
        a.textContent = f.name;
        a.addEventListener('click', function () { window.open(f.url, '_blank'); });
        menu.appendChild(a);
      });
    });
  }

  // ---- grid: only the rows in view (and a margin) are in the DOM, so a 10 000-row register
  // opens and scrolls as fast as a short one; frozen rows stay on top.
  var HEX = /^#[0-9a-f]{6}$/i;
  var OVERSCAN = 30;
  var grid = null; // { sheet, rows, cols, owner, formulas, tbody, rowH, start, end }
  function display(v) {
    if (v === null || v === undefined) return '';
    return String(v);
  }
  function renderTabs() {
    var tabs = $('tabs');
    while (tabs.firstChild) tabs.removeChild(tabs.firstChild);
    state.names.forEach(function (name) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = name;
      b.setAttribute('role', 'tab');
      if (name === state.current) { b.className = 'active'; b.setAttribute('aria-selected', 'true'); }
      b.addEventListener('click', function () {
        if (name === state.current) return;
        state.current = name;
        renderTabs();
        refresh(true);
      });
      tabs.appendChild(b);
    });
  }
  function renderGrid(keepScroll) {
    var wrap = $('grid-wrap');
    var top = keepScroll ? wrap.scrollTop : 0, left = keepScroll ? wrap.scrollLeft : 0;
    while (wrap.firstChild) wrap.removeChild(wrap.firstChild);
    grid = null;
    var sheet = state.sheet;
    if (!sheet) {
      var e = document.createElement('div');
      e.className = 'empty-sheet';
      e.textContent = state.names.length ? 'Выберите лист' : 'В книге нет листов. Выберите «Наставничество → Настроить таблицу».';
      wrap.appendChild(e);
      return;
    }
    var rows = Math.max(sheet.values.length + 3, 25);
    var cols = Math.max(sheet.values.length ? sheet.values[0].length + 1 : 0, 8);
    // Each cell of a merged area points to its area.
    var owner = {};
    sheet.merges.forEach(function (m) {
      for (var i = 0; i < m.rows; i++) for (var j = 0; j < m.cols; j++) owner[(m.row + i) + ':' + (m.col + j)] = m;
    });
    var formulas = {};
    (sheet.formulas || []).forEach(function (f) { formulas[f[0] + ':' + f[1]] = f[2]; });
    var table = document.createElement('table');
    table.className = 'grid';
    table.setAttribute('data-sheet', sheet.name);
    table.setAttribute('data-rows', String(rows));
    var colgroup = document.createElement('colgroup');
    var c0 = document.createElement('col'); c0.style.width = '46px'; colgroup.appendChild(c0);
    var total = 46;
    for (var j = 0; j < cols; j++) {
      var c = document.createElement('col');
      var w = Math.max(24, Math.min(600, sheet.widths[j] || 100));
      c.style.width = w + 'px';
      total += w;
      colgroup.appendChild(c);
    }
    // A fixed-layout table needs its full width, or the columns shrink to fit the window.
    table.style.width = total + 'px';
    table.appendChild(colgroup);
    var thead = document.createElement('thead');
    var hr = document.createElement('tr');
    var corner = document.createElement('th'); corner.className = 'corner rowhead'; hr.appendChild(corner);
    for (j = 0; j < cols; j++) { var th = document.createElement('th'); th.textContent = letter(j); hr.appendChild(th); }
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = document.createElement('tbody');
    table.appendChild(tbody);
    table.addEventListener('click', function (ev) {
      var td = ev.target.closest && ev.target.closest('td[data-row]');
      if (!td) return;
      var pos = { sheet: sheet.name, row: Number(td.dataset.row), col: Number(td.dataset.col) };
      state.active = pos;
      select(pos);
      api('/api/select', pos).then(function () { refresh(); }, function () {});
    });
    wrap.appendChild(table);
    grid = { sheet: sheet, rows: rows, cols: cols, owner: owner, formulas: formulas, tbody: tbody, head: thead, rowH: 23, start: -1, end: -1 };
    // The rows are drawn for the old scroll position first: an empty table cannot be scrolled.
    renderRows(true, top);
    // Row height as drawn (fonts differ), measured once.
    var probe = tbody.querySelector('tr[data-r]');
    var h = probe ? probe.getBoundingClientRect().height : 0;
    if (h > 10 && Math.abs(h - grid.rowH) > 0.5) { grid.rowH = h; renderRows(true, top); }
    wrap.scrollTop = top;
    wrap.scrollLeft = left;
    var sel = state.active && state.active.sheet === sheet.name ? state.active : null;
    if (sel) select(sel);
  }
  /** The window of rows to draw for the current scroll position. */
  function wanted(top) {
    var wrap = $('grid-wrap');
    if (top === undefined) top = wrap.scrollTop;
    var frozen = Math.min(grid.sheet.frozenRows, grid.rows);
    var headH = grid.head.getBoundingClientRect().height || 23;
    var first = Math.floor(Math.max(0, top - headH) / grid.rowH);
    var last = Math.ceil((top + wrap.clientHeight) / grid.rowH);
    return { frozen: frozen, first: Math.max(frozen, first), last: Math.min(grid.rows, last) };
  }
  function renderRows(force, top) {
    if (!grid) return;
    var want = wanted(top);
    if (!force && want.first >= grid.start && want.last <= grid.end) return;
    grid.start = Math.max(want.frozen, want.first - OVERSCAN);
    grid.end = Math.min(grid.rows, want.last + OVERSCAN);
    var tbody = grid.tbody;
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    for (var r = 0; r < want.frozen; r++) tbody.appendChild(rowElement(r, 0, want.frozen, want.frozen));
    if (grid.start > want.frozen) tbody.appendChild(spacer((grid.start - want.frozen) * grid.rowH));
    for (r = grid.start; r < grid.end; r++) tbody.appendChild(rowElement(r, grid.start, grid.end, want.frozen));
    if (grid.end < grid.rows) tbody.appendChild(spacer((grid.rows - grid.end) * grid.rowH));
    var sel = state.active && state.active.sheet === grid.sheet.name ? state.active : null;
    if (sel) markSelected(sel);
  }
  function spacer(height) {
    var tr = document.createElement('tr');
    tr.className = 'spacer';
    var td = document.createElement('td');
    td.colSpan = grid.cols + 1;
    td.style.height = height + 'px';
    td.style.padding = '0';
    td.style.border = '0';
    tr.appendChild(td);
    return tr;
  }
  /** Row r of a drawn block [from, to): a merged area shows in the block from its first drawn row. */
  function rowElement(r, from, to, frozen) {
    var sheet = grid.sheet;
    var tr = document.createElement('tr');
    tr.setAttribute('data-r', String(r));
    if (r < frozen) tr.className = 'frozen' + (r === frozen - 1 ? ' frozen-last' : '');
    var rh = document.createElement('th');
    rh.className = 'rowhead';
    rh.textContent = String(r + 1);
    if (r < frozen) rh.style.top = (23 + r * grid.rowH) + 'px';
    tr.appendChild(rh);
    for (var j = 0; j < grid.cols; j++) {
      var m = grid.owner[r + ':' + j];
      var vr = r, vc = j;
      if (m) {
        var shownFrom = Math.max(m.row, from);
        if (r !== shownFrom || j !== m.col) continue;
        vr = m.row; vc = m.col;
      }
      var td = document.createElement('td');
      var line = sheet.values[vr];
      td.textContent = display(line ? line[vc] : null);
      var kind = sheet.kinds[vr] ? sheet.kinds[vr][vc] : '';
      if (kind === 'n' || kind === 'd') td.className = 'num';
      var bg = sheet.backgrounds[vr] && sheet.backgrounds[vr][vc];
      if (bg && HEX.test(bg)) td.style.backgroundColor = bg;
      var note = sheet.notes[vr] && sheet.notes[vr][vc];
      if (note) { td.title = note; td.classList.add('has-note'); }
      if (sheet.bold[vr] && sheet.bold[vr][vc]) td.style.fontWeight = '600';
      if (m) { td.colSpan = m.cols; td.rowSpan = Math.min(m.row + m.rows, to) - r; }
      td.dataset.row = String(vr);
      td.dataset.col = String(vc);
      td.dataset.addr = letter(vc) + (vr + 1);
      if (r < frozen) td.style.top = (23 + r * grid.rowH) + 'px';
      tr.appendChild(td);
    }
    return tr;
  }
  function markSelected(pos) {
    Array.prototype.forEach.call(document.querySelectorAll('td.sel'), function (el) { el.classList.remove('sel'); });
    var td = document.querySelector('td[data-row="' + pos.row + '"][data-col="' + pos.col + '"]');
    if (td) td.classList.add('sel');
    return td;
  }
  /** Shows the cell in the formula bar (its formula if it has one) and highlights it. */
  function select(pos) {
    $('addr').textContent = letter(pos.col) + (pos.row + 1);
    var text = '';
    if (grid && grid.sheet.name === pos.sheet) {
      var line = grid.sheet.values[pos.row];
      text = grid.formulas[pos.row + ':' + pos.col] || display(line ? line[pos.col] : null);
    }
    $('content').textContent = text;
    markSelected(pos);
  }
  /** Scrolls the cell into view (the grid draws the rows around it). */
  function reveal(pos) {
    if (!grid || grid.sheet.name !== pos.sheet) return;
    var wrap = $('grid-wrap');
    var y = pos.row * grid.rowH;
    if (y < wrap.scrollTop || y > wrap.scrollTop + wrap.clientHeight - 3 * grid.rowH) {
      wrap.scrollTop = Math.max(0, y - wrap.clientHeight / 2);
    }
    renderRows(false);
    var td = markSelected(pos);
    if (td && td.scrollIntoView) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  var scrolling = false;
  $('grid-wrap').addEventListener('scroll', function () {
    if (scrolling) return;
    scrolling = true;
    requestAnimationFrame(function () { scrolling = false; renderRows(false); });
  });

  // ---- refresh: poll the server's change stamp; the sidebar shim also pings after each call.
  // One request at a time; a refresh asked for meanwhile (a tab click) runs right after.
  var inFlight = false, again = false, againForce = false;
  function refresh(force) {
    if (inFlight) { again = true; againForce = againForce || !!force; return; }
    inFlight = true;
    var q = '/api/sheets?sheet=' + encodeURIComponent(state.current || '');
    if (state.stamp && !force) q += '&since=' + encodeURIComponent(state.stamp);
    var asked = state.current;
    api(q).then(function (res) {
      if (!res.unchanged) apply(res, asked);
    }, function () {}).then(function () {
      inFlight = false;
      if (again) { var f = againForce; again = false; againForce = false; refresh(f); }
    });
  }
  function apply(res, asked) {
    var prevActive = state.active ? JSON.stringify(state.active) : '';
    var moved = !!res.active && JSON.stringify(res.active) !== prevActive;
    state.active = res.active;
    state.names = res.names;
    state.file = res.file;
    $('doc-file').textContent = res.file;
    // A server function moved the cursor (a finding's «go to cell») to another tab: follow it.
    if (moved && res.active.sheet !== (res.sheet ? res.sheet.name : state.current)) {
      state.current = res.active.sheet;
      state.stamp = null;
      renderTabs();
      again = true; againForce = true;
      return;
    }
    if (res.sameSheet) {
      // The data is as drawn: only the cursor moved.
      state.stamp = res.stamp;
      if (res.active && res.active.sheet === state.current) { if (moved) reveal(res.active); else select(res.active); }
      document.body.setAttribute('data-stamp', res.stamp);
      return;
    }
    var same = state.sheet && res.sheet && state.sheet.name === res.sheet.name;
    state.sheet = res.sheet;
    state.current = res.sheet ? res.sheet.name : null;
    state.stamp = res.stamp;
    renderTabs();
    renderGrid(same && asked === state.current);
    if (moved && res.active) reveal(res.active);
    document.body.setAttribute('data-stamp', res.stamp);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data !== 'object') return;
    if (e.data.type === 'nastavnik:refresh') refresh();
    if (e.data.type === 'nastavnik:close') $('sidebar').hidden = true;
  });

  $('toast-close').addEventListener('click', function () { $('toast').hidden = true; });
  $('modal-ok').addEventListener('click', function () { $('modal').hidden = true; });
  $('sidebar-close').addEventListener('click', function () { $('sidebar').hidden = true; });

  api('/api/state').then(function (res) {
    document.title = res.file + ' — Наставник (локальный просмотр)';
    buildMenu(res.menu, res.menuTitle);
    refresh();
    setInterval(refresh, 2500);
  }, function (err) { alertBox(err.message); });
})();
`;

export function previewPage(): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Наставник — локальный просмотр</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body>
<header class="top">
  <div class="logo" aria-hidden="true">Н</div>
  <div>
    <div class="doc-title">Наставник — локальный просмотр</div>
    <div class="doc-file" id="doc-file"></div>
  </div>
  <nav class="menubar" aria-label="Меню">
    <button type="button" id="menu-button" aria-haspopup="menu" aria-expanded="false">Наставничество</button>
    <div class="menu" id="menu" role="menu" hidden></div>
    <button type="button" id="files-button" aria-haspopup="menu" aria-expanded="false">Документы</button>
    <div class="menu" id="files-menu" role="menu" style="left: 120px" hidden></div>
  </nav>
  <div class="spacer"></div>
</header>
<div class="formula-bar"><span class="addr" id="addr"></span><span class="content" id="content"></span></div>
<div class="workspace">
  <section class="sheet-area">
    <div class="grid-wrap" id="grid-wrap"></div>
    <nav class="tabs" id="tabs" role="tablist" aria-label="Листы"></nav>
  </section>
  <aside class="sidebar" id="sidebar" hidden>
    <div class="bar">Наставник<button type="button" id="sidebar-close" aria-label="Закрыть панель">×</button></div>
    <iframe id="sidebar-frame" title="Панель «Наставник»"></iframe>
  </aside>
</div>
<div class="toast" id="toast" role="status" aria-live="polite" hidden><div class="t-title">Наставник</div><div id="toast-text"></div><button type="button" id="toast-close" aria-label="Закрыть">×</button></div>
<div class="modal-bg" id="modal" hidden><div class="modal" role="alertdialog" aria-labelledby="modal-title"><h2 id="modal-title">Наставник</h2><p id="modal-text"></p><button type="button" id="modal-ok">ОК</button></div></div>
<script>${CLIENT}</script>
</body>
</html>`;
}

/**
 * The google.script.run shim injected into the real sidebar: each server function POSTs its JSON
 * arguments to /api/rpc/<name>; after every call the parent page is told to refresh the grid.
 */
export function scriptRunShim(methods: readonly string[]): string {
  return String.raw`
(function () {
  'use strict';
  var METHODS = ${JSON.stringify(methods).replace(/</g, '\\u003c')};
  function notify(type) { try { if (window.parent !== window) window.parent.postMessage({ type: type }, location.origin); } catch (e) { /* detached */ } }
  function invoke(name, args, ok, fail, user) {
    fetch('/api/rpc/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Nastavnik': '1' },
      body: JSON.stringify(args),
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok && !r.headers.get('X-Nastavnik-Error'), data: data }; }, function () { return { ok: false, data: { error: 'Сервер вернул неверный ответ.' } }; });
    }, function () {
      return { ok: false, data: { error: 'Локальный сервер недоступен. Запустите npm start и обновите страницу.' } };
    }).then(function (res) {
      notify('nastavnik:refresh');
      if (res.ok) { if (ok) ok(res.data, user); }
      else if (fail) fail(new Error((res.data && res.data.error) || 'Ошибка сервера'), user);
    });
  }
  function runner(ok, fail, user) {
    var r = {
      withSuccessHandler: function (fn) { return runner(fn, fail, user); },
      withFailureHandler: function (fn) { return runner(ok, fn, user); },
      withUserObject: function (o) { return runner(ok, fail, o); },
    };
    METHODS.forEach(function (name) {
      r[name] = function () { invoke(name, Array.prototype.slice.call(arguments), ok, fail, user); };
    });
    return r;
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () { notify('nastavnik:close'); }, editor: { focus: function () {} } },
  } };
})();
`;
}
