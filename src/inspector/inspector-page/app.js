// The inspector page: rows of Clarifai calls from keydoctor's event stream. All data is untrusted: text only, never HTML.
'use strict';

(() => {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  /** @type {{ rows: Map<number, any>, meta: any, selected: number | undefined, onlyFailures: boolean }} */
  const view = { rows: new Map(), meta: undefined, selected: undefined, onlyFailures: false };

  /** An element with text content (never markup) and optional class names. */
  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function clock(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    const p = (n, w = 2) => String(n).padStart(w, '0');
    return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
  }

  function statusText(r) {
    const parts = [];
    if (r.httpStatus !== undefined) parts.push(`HTTP ${r.httpStatus}`);
    if (r.clarifai) parts.push(`${r.clarifai.code} ${r.clarifai.description}`.trim());
    else if (r.grpcStatus !== undefined) parts.push(`grpc-status ${r.grpcStatus}`);
    if (!r.clarifai && r.error) parts.push(r.error);
    return parts.join(' · ') || 'no answer';
  }

  const OUTCOME = { ok: 'ok', rejected: 'rejected', limited: 'quota or throttled', error: 'no Clarifai answer' };

  function visibleRows() {
    const all = [...view.rows.values()].sort((a, b) => a.id - b.id);
    return view.onlyFailures ? all.filter((r) => r.outcome !== 'ok') : all;
  }

  function renderMeta() {
    const m = view.meta;
    if (!m) return;
    $('mode').textContent = m.mode === 'emulator' ? 'inspector · emulator' : 'inspector · run';
    const state = m.status.state === 'exited' ? `${m.status.message}. keydoctor keeps serving this page until you press Ctrl-C in its terminal.` : m.status.message;
    $('status').textContent = state;
    document.body.dataset.state = m.status.state;
    const list = $('run-findings-list');
    list.replaceChildren(...m.otherFindings.map(findingNode));
    $('run-findings').hidden = m.otherFindings.length === 0;
    $('notes').replaceChildren(...(m.notes || []).map((n) => el('li', n)));
  }

  function renderCounts() {
    const all = [...view.rows.values()];
    const failed = all.filter((r) => r.outcome !== 'ok').length;
    $('counts').textContent = `${all.length} call${all.length === 1 ? '' : 's'} · ${failed} failing`;
    $('counts').classList.toggle('bad', failed > 0);
  }

  function rowNode(r) {
    const tr = el('tr');
    tr.tabIndex = -1;
    tr.dataset.id = String(r.id);
    tr.className = `row ${r.outcome}`;
    if (view.selected === r.id) tr.setAttribute('aria-current', 'true');
    const call = el('td', null, 'c-call');
    call.append(el('span', r.method, 'method'), document.createTextNode(' '), el('span', r.route, 'route'));
    const status = el('td', null, 'c-status');
    status.append(el('span', OUTCOME[r.outcome] || r.outcome, `badge ${r.outcome}`), document.createTextNode(' '), el('span', statusText(r)));
    const cred = el('td', null, 'c-cred');
    cred.append(el('span', r.credential.shown, 'mono'), el('span', r.credential.source, 'source'));
    tr.append(el('td', clock(r.time), 'c-time mono'), call, el('td', r.rpc || '', 'c-rpc'), status, el('td', `${r.durationMs} ms`, 'c-dur mono'), cred);
    tr.addEventListener('click', () => open(r.id, false));
    return tr;
  }

  function renderRows() {
    const rows = visibleRows();
    const focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : undefined;
    const body = $('rows');
    body.replaceChildren(...rows.map(rowNode));
    // One tab stop for the table: the selected row, else the first.
    const stop = body.querySelector(`tr[data-id="${view.selected}"]`) || body.firstElementChild;
    if (stop) stop.tabIndex = 0;
    if (focusedId !== undefined) {
      const again = body.querySelector(`tr[data-id="${CSS.escape(focusedId)}"]`);
      if (again) again.focus();
    }
    $('empty').hidden = rows.length > 0;
    $('empty').textContent = view.rows.size > 0 ? 'No failing call.' : 'No Clarifai call yet. Rows appear here as the app makes them.';
    renderCounts();
    renderTimeline();
    if (view.selected !== undefined && view.rows.has(view.selected)) renderDetail(view.rows.get(view.selected));
  }

  function renderTimeline() {
    const svg = $('timeline');
    const rows = [...view.rows.values()];
    const width = 1000;
    const height = 40;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const end = Math.max(1000, ...rows.map((r) => r.offsetMs + r.durationMs));
    const marks = [];
    const base = document.createElementNS(SVG, 'line');
    for (const [k, v] of Object.entries({ x1: 0, x2: width, y1: height - 6, y2: height - 6 })) base.setAttribute(k, String(v));
    base.setAttribute('class', 'axis');
    marks.push(base);
    for (const r of rows) {
      const rect = document.createElementNS(SVG, 'rect');
      const w = Math.max(4, (r.durationMs / end) * width);
      const x = Math.min((r.offsetMs / end) * width, width - w);
      rect.setAttribute('x', x.toFixed(1));
      rect.setAttribute('y', '4');
      rect.setAttribute('width', w.toFixed(1));
      rect.setAttribute('height', String(height - 14));
      rect.setAttribute('class', `mark ${r.outcome}${view.selected === r.id ? ' selected' : ''}`);
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${clock(r.time)} ${r.method} ${r.route} → ${statusText(r)}`;
      rect.append(title);
      rect.addEventListener('click', () => open(r.id, false));
      marks.push(rect);
    }
    svg.replaceChildren(...marks);
    $('timeline').setAttribute('aria-label', `${rows.length} calls over ${(end / 1000).toFixed(1)} s, coloured by outcome`);
    $('range').textContent = `0 – ${(end / 1000).toFixed(1)} s since ${view.meta && view.meta.mode === 'emulator' ? 'the emulator' : 'the run'} started`;
  }

  function findingNode(f) {
    const box = el('div', null, `finding ${f.severity}`);
    const head = el('p', null, 'f-head');
    if (f.rootCause) head.append(el('span', 'root cause', 'badge root'), document.createTextNode(' '));
    head.append(el('span', f.severity, `sev ${f.severity}`), document.createTextNode(' '), el('code', f.id));
    box.append(head, el('p', f.message, 'f-msg'));
    if (f.where) box.append(el('p', `at ${f.where}`, 'f-where'));
    const fix = el('p', null, 'f-fix');
    fix.append(el('strong', 'Fix: '), document.createTextNode(f.fix));
    box.append(fix);
    return box;
  }

  function table(pairs) {
    const t = el('table', null, 'kv');
    for (const [k, v] of pairs) {
      const tr = el('tr');
      tr.append(el('th', k), el('td', v, 'mono'));
      t.append(tr);
    }
    return t;
  }

  function renderDetail(r) {
    $('d-title').textContent = `${r.method} ${r.route}`;
    const body = [];
    body.push(el('h3', r.findingsTitle || 'Diagnosis'));
    if (r.note) body.push(el('p', r.note, 'note'));
    if (r.findings.length > 0) body.push(...r.findings.map(findingNode));
    else body.push(el('p', r.outcome === 'ok' ? 'Nothing wrong with this call.' : 'No finding ties to this call alone; see the findings about the whole run below.', 'muted'));
    body.push(el('h3', 'Credential'));
    body.push(table([['sent', r.credential.shown], ['from', r.credential.source], ...(r.credential.verdict ? [['verdict', r.credential.verdict]] : [])]));
    body.push(el('h3', 'Request'));
    body.push(table([['url', r.request.url], ...(r.request.protocol ? [['protocol', r.request.protocol]] : []), ...r.request.fields]));
    if (r.request.headers.length > 0) {
      body.push(el('h4', 'Headers (masked)'));
      body.push(table(r.request.headers));
    }
    if (r.request.body) {
      body.push(el('h4', 'Body (masked)'));
      body.push(el('pre', r.request.body, 'mono block'));
    }
    body.push(el('h3', "Clarifai's answer"));
    const answer = [['outcome', OUTCOME[r.outcome] || r.outcome]];
    if (r.httpStatus !== undefined) answer.push(['HTTP status', String(r.httpStatus)]);
    if (r.clarifai) {
      answer.push(['status.code', String(r.clarifai.code)], ['status.description', r.clarifai.description]);
      if (r.clarifai.details) answer.push(['status.details', r.clarifai.details]);
      if (r.clarifai.reqId) answer.push(['status.req_id', r.clarifai.reqId]);
    }
    if (r.grpcStatus !== undefined) answer.push(['grpc-status', String(r.grpcStatus)]);
    if (r.error) answer.push(['error', r.error]);
    if (r.answer.contentType) answer.push(['content-type', r.answer.contentType]);
    answer.push(['duration', `${r.durationMs} ms`], ['time', r.time]);
    body.push(table(answer));
    if (r.answer.body) {
      body.push(el('h4', 'Body (first 4 KiB, masked)'));
      body.push(el('pre', r.answer.body, 'mono block'));
    }
    const curlHead = el('div', null, 'curl-head');
    const copy = el('button', 'Copy as curl');
    copy.type = 'button';
    copy.id = 'copy-curl';
    const said = el('span', '', 'muted');
    said.setAttribute('role', 'status');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(r.curl);
        said.textContent = 'copied';
      } catch {
        // No clipboard permission: select the text so Ctrl-C copies it.
        const range = document.createRange();
        range.selectNodeContents(pre);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        said.textContent = 'selected: press Ctrl-C to copy';
      }
    });
    curlHead.append(el('h3', 'Reproduce'), copy, said);
    const pre = el('pre', r.curl, 'mono block curl');
    body.push(curlHead, pre, el('p', 'The key is written as the variable it came from, never its value.', 'muted'));
    $('d-body').replaceChildren(...body);
  }

  function open(id, focusDetail) {
    const r = view.rows.get(id);
    if (!r) return;
    view.selected = id;
    $('detail').hidden = false;
    document.body.classList.add('has-detail');
    renderRows();
    if (focusDetail) $('detail').focus();
  }

  function close() {
    const id = view.selected;
    view.selected = undefined;
    $('detail').hidden = true;
    document.body.classList.remove('has-detail');
    renderRows();
    const row = $('rows').querySelector(`tr[data-id="${id}"]`) || $('rows').firstElementChild;
    if (row) row.focus();
  }

  $('rows').addEventListener('keydown', (e) => {
    const row = e.target.closest('tr');
    if (!row) return;
    const move = (next) => {
      if (!next) return;
      row.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(row.nextElementSibling);
    else if (e.key === 'ArrowUp') move(row.previousElementSibling);
    else if (e.key === 'Home') move(row.parentElement.firstElementChild);
    else if (e.key === 'End') move(row.parentElement.lastElementChild);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(Number(row.dataset.id), true);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && view.selected !== undefined) {
      e.preventDefault();
      close();
    }
  });
  $('close').addEventListener('click', close);
  $('only-failures').addEventListener('change', (e) => {
    view.onlyFailures = e.target.checked;
    renderRows();
  });

  if (!token) {
    $('status').textContent = 'No token in the address: open the exact address keydoctor printed (it ends in #token=…).';
    return;
  }
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('snapshot', (e) => {
    const state = JSON.parse(e.data);
    view.rows = new Map(state.rows.map((r) => [r.id, r]));
    view.meta = { ...state, rows: undefined };
    renderMeta();
    renderRows();
  });
  source.addEventListener('rows', (e) => {
    for (const r of JSON.parse(e.data)) view.rows.set(r.id, r);
    renderRows();
  });
  source.addEventListener('meta', (e) => {
    view.meta = JSON.parse(e.data);
    renderMeta();
  });
  source.addEventListener('error', () => {
    $('status').textContent =
      source.readyState === EventSource.CLOSED
        ? 'keydoctor refused this page (a wrong token?). Open the exact address it printed.'
        : 'keydoctor is not answering (stopped?). This page shows what it last received; it reconnects when it can.';
    document.body.dataset.state = 'disconnected';
  });
})();
