// The page of `palmyra serve`: filters (kept in the URL), a map of events by
// place, a timeline of events per day by type (drag across it to choose a
// period), a table of events and the evidence of the chosen one. Everything
// comes from the JSON API of the same server; nothing from elsewhere.
'use strict';

const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE',
  'ASSAULT', 'OTHER'];
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173',
  '#3182bd', '#e6550d'];
const PAGE = 50;
const FIELDS = ['from', 'to', 'type', 'actor', 'country', 'modality', 'q'];

const form = document.getElementById('filters');
const rows = document.getElementById('rows');
const more = document.getElementById('more');
const evidence = document.getElementById('evidence');
const count = document.getElementById('result-count');
const errorBox = document.getElementById('error');

let cursor = null;
let generation = 0;  // answers to an older set of filters are dropped
let map = null;
let places = null;
let plot = null;

// --- the API -----------------------------------------------------------

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

async function api(path, params = {}) {
  const response = await fetch('api/' + path + query(params));
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showError(error) {
  errorBox.textContent = String(error.message || error);
  errorBox.hidden = false;
}

// --- filters and the URL -----------------------------------------------

function filters() {
  const out = {};
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) out[name] = name === 'country' ? value.toUpperCase() : value;
  }
  return out;
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FIELDS) form.elements[name].value = params.get(name) || '';
  return params.get('event');
}

function toUrl(selected, push) {
  const params = filters();
  if (selected) params.event = selected;
  const url = location.pathname + query(params);
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

// --- the table ---------------------------------------------------------

function actorText(actor) {
  if (!actor) return '';
  return actor.code ? actor.code + ' (' + actor.text + ')' : actor.text;
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function addRow(e) {
  const tr = document.createElement('tr');
  tr.setAttribute('data-testid', 'event-row');
  tr.dataset.id = e.event_id;
  tr.tabIndex = 0;
  tr.setAttribute('aria-selected', 'false');
  tr.append(
    cell(e.date ? e.date.value : ''),
    cell(actorText(e.source)),
    cell(e.plover.type + ' ' + e.cameo.code),
    cell(actorText(e.target)),
    cell(e.location ? e.location.name + ', ' + e.location.country : ''),
    cell(e.evidence.text, 'evidence-cell'));
  tr.addEventListener('click', () => select(e.event_id, true));
  tr.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(e.event_id, true);
    } else if (event.key === 'ArrowDown' && tr.nextElementSibling) {
      event.preventDefault();
      tr.nextElementSibling.focus();
    } else if (event.key === 'ArrowUp' && tr.previousElementSibling) {
      event.preventDefault();
      tr.previousElementSibling.focus();
    }
  });
  rows.append(tr);
}

async function loadRows(reset) {
  const mine = generation;
  const page = await api('events', { ...filters(), limit: PAGE, cursor: reset ? null : cursor });
  if (mine !== generation) return;
  if (reset) {
    rows.replaceChildren();
    count.textContent = String(page.total);
  }
  for (const e of page.events) addRow(e);
  cursor = page.next_cursor;
  more.hidden = cursor === null;
}

// --- the evidence ------------------------------------------------------

// The sentence with its spans marked: byte offsets into its UTF-8 text.
function markedSentence(sentence, spans) {
  const bytes = new TextEncoder().encode(sentence);
  const decoder = new TextDecoder();
  const placed = spans.filter((s) => s.start !== null && s.end !== null && s.end > s.start);
  const cuts = new Set([0, bytes.length]);
  for (const s of placed) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const p = document.createElement('p');
  p.className = 'sentence';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(decoder.decode(bytes.slice(a, b)));
    // Inner spans first, so that the evidence wraps the others.
    const covering = placed.filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => (x.end - x.start) - (y.end - y.start));
    for (const s of covering) {
      const mark = document.createElement('mark');
      mark.className = s.kind;
      mark.title = s.kind;
      mark.append(node);
      node = mark;
    }
    p.append(node);
  }
  return p;
}

function detail(list, term, value) {
  if (value === null || value === undefined || value === '') return;
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = value;
  list.append(dt, dd);
}

async function select(id, push) {
  for (const tr of rows.children) tr.setAttribute('aria-selected', String(tr.dataset.id === id));
  toUrl(id, push);
  let e;
  try {
    e = await api('events/' + encodeURIComponent(id));
  } catch (error) {
    showError(error);
    return;
  }
  const title = document.createElement('h2');
  title.textContent = e.plover.type + (e.plover.mode ? ' (' + e.plover.mode + ')' : '') +
    ', CAMEO ' + e.cameo.code;
  const list = document.createElement('dl');
  detail(list, 'Source', actorText(e.source));
  detail(list, 'Target', actorText(e.target));
  detail(list, 'When', e.date ? e.date.value + ' (' + e.date.precision + ')' : null);
  detail(list, 'Where', e.location ? [e.location.name, e.location.admin1, e.location.country]
    .filter(Boolean).join(', ') : null);
  detail(list, 'Modality', e.modality);
  detail(list, 'According to', e.attribution ? e.attribution.text : null);
  detail(list, 'Counts', e.quantities.map((q) => q.kind + ' ' + q.value).join(', '));
  detail(list, 'Confidence', e.confidence.toFixed(2));
  const a = e.article;
  let source = a.title || a.doc_id;
  if (a.url && /^https?:\/\//i.test(a.url)) {  // never a javascript: or data: link
    const link = document.createElement('a');
    link.href = a.url;
    link.rel = 'noopener noreferrer';
    link.textContent = source;
    source = link;
  }
  detail(list, 'Article', source);
  detail(list, 'Published', a.published);
  evidence.replaceChildren(title, markedSentence(e.sentence || e.evidence.text, e.spans), list);
}

// --- the map -----------------------------------------------------------

async function loadMap() {
  const mine = generation;
  if (!map) {
    map = L.map('map', { worldCopyJump: true, minZoom: 1, attributionControl: true })
      .setView([30, 20], 2);
    map.attributionControl.setPrefix('');
    map.attributionControl.addAttribution('Natural Earth (world-atlas)');
    try {
      const world = await (await fetch('countries-110m.json')).json();
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: '#a9b1ba', weight: 0.6, fillColor: '#f4f2ec', fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    } catch (error) {
      showError(error);
    }
  }
  const collection = await api('places.geojson', filters());
  if (mine !== generation) return;
  if (places) places.remove();
  places = L.geoJSON(collection, {
    pointToLayer: (feature, latlng) => {
      const p = feature.properties;
      return L.circleMarker(latlng, {
        radius: 4 + 3 * Math.sqrt(p.events),
        color: p.country_level ? '#8a4b00' : '#b42318',
        dashArray: p.country_level ? '3' : null,
        weight: 1.5,
        fillOpacity: 0.35,
      }).bindPopup(() => {
        const div = document.createElement('div');
        div.textContent = p.name + ', ' + p.country + ': ' + p.events + ' event' +
          (p.events === 1 ? '' : 's') + (p.country_level ? ' (the country as a whole)' : '');
        return div;
      });
    },
  }).addTo(map);
  if (collection.features.length > 0) {
    map.fitBounds(places.getBounds(), { maxZoom: 6, padding: [20, 20] });
  }
}

// --- the timeline ------------------------------------------------------

function day(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

async function loadTimeline() {
  const mine = generation;
  const body = await api('stats/timeline', { ...filters(), by: 'day' });
  if (mine !== generation) return;
  const container = document.getElementById('timeline');
  if (plot) { plot.destroy(); plot = null; }
  container.replaceChildren();
  if (body.series.length === 0) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'No dated events.';
    container.append(p);
    return;
  }
  const days = [...new Set(body.series.map((s) => s.period))].sort();
  const types = PLOVER_TYPES.filter((t) => body.series.some((s) => s.type === t));
  const index = new Map(days.map((d, i) => [d, i]));
  const data = [days.map((d) => Date.parse(d + 'T00:00:00Z') / 1000)];
  for (const t of types) {
    const column = new Array(days.length).fill(0);
    for (const s of body.series) if (s.type === t) column[index.get(s.period)] = s.events;
    data.push(column);
  }
  const options = {
    width: Math.max(280, container.clientWidth - 8),
    height: 200,
    scales: { x: { time: true } },
    series: [{}, ...types.map((t) => ({
      label: t,
      stroke: COLORS[PLOVER_TYPES.indexOf(t) % COLORS.length],
      width: 1.5,
      points: { show: days.length < 120, size: 5 },
    }))],
    legend: { live: false },
    axes: [{}, { label: 'events' }],
    cursor: { drag: { x: true, y: false } },
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 4) return;
        const from = u.posToVal(u.select.left, 'x');
        const to = u.posToVal(u.select.left + u.select.width, 'x');
        form.elements.from.value = day(from);
        form.elements.to.value = day(to);
        apply(true);
      }],
    },
  };
  plot = new uPlot(options, data, container);
  // Open on the days that hold all but the earliest and latest 1% of the
  // events: a few historical dates would squeeze the news into a sliver.
  // A double click shows every day.
  const totals = data[0].map((_, i) => data.slice(1).reduce((sum, column) => sum + column[i], 0));
  const all = totals.reduce((a, b) => a + b, 0);
  let seen = 0, lo = 0, hi = totals.length - 1;
  for (let i = 0; i < totals.length; i++) {
    if (seen <= all * 0.01) lo = i;
    seen += totals[i];
    if (seen >= all * 0.99) { hi = i; break; }
  }
  if (hi > lo && (lo > 0 || hi < totals.length - 1)) {
    plot.setScale('x', { min: data[0][lo] - 43200, max: data[0][hi] + 43200 });
  }
}

// --- putting it together -----------------------------------------------

async function apply(push) {
  generation++;
  errorBox.hidden = true;
  toUrl(null, push);
  count.textContent = '…';
  try {
    await Promise.all([loadRows(true), loadMap(), loadTimeline()]);
  } catch (error) {
    showError(error);
  }
}

function init() {
  const type = form.elements.type;
  for (const t of PLOVER_TYPES) {
    const option = document.createElement('option');
    option.value = t;
    option.textContent = t;
    type.append(option);
  }
  const selected = fromUrl();
  form.addEventListener('submit', (event) => { event.preventDefault(); apply(true); });
  form.elements.type.addEventListener('change', () => apply(true));
  form.elements.modality.addEventListener('change', () => apply(true));
  document.getElementById('clear').addEventListener('click', () => {
    form.reset();
    apply(true);
  });
  more.addEventListener('click', () => loadRows(false).catch(showError));
  window.addEventListener('popstate', () => {
    const id = fromUrl();
    apply(false).then(() => { if (id) select(id, false); });
  });
  new ResizeObserver(() => {
    const container = document.getElementById('timeline');
    if (plot) plot.setSize({ width: Math.max(280, container.clientWidth - 8), height: 200 });
  }).observe(document.getElementById('timeline'));
  apply(false).then(() => { if (selected) select(selected, false); });
}

init();
