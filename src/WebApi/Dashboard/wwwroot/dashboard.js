// Polls the dashboard API every 2 s and redraws. Charts are plain SVG polylines: no libraries to ship.
const $ = id => document.getElementById(id);
const fmt = (n, digits = 1) => (n ?? 0).toFixed(digits);
const esc = s => String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const rows = (id, items, cells) => { $(id).innerHTML = items.map(i => '<tr>' + cells(i).map(c => `<td>${esc(c)}</td>`).join('') + '</tr>').join(''); };
const duration = s => s == null ? '–' : s < 120 ? `${fmt(s, 0)} s` : s < 7200 ? `${fmt(s / 60, 0)} min` : `${fmt(s / 3600, 1)} h`;
const megabytes = b => b == null ? '–' : `${fmt(b / 1048576, 0)} MB`;

function chart(svg, lines) {
  const max = Math.max(1e-9, ...lines.flatMap(l => l.values));
  svg.innerHTML = lines.map(({ values, color }) => {
    const step = 600 / Math.max(1, values.length - 1);
    const points = values.map((v, i) => `${(i * step).toFixed(1)},${(118 - 114 * v / max).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points}"/>`;
  }).join('') + `<text x="4" y="12" font-size="10" fill="#6b7280">max ${fmt(max, 2)}</text>`;
}

async function get(path) {
  const response = await fetch('/dashboard/api/' + path, { cache: 'no-store' });
  return response.ok ? response.json() : null;
}

async function refresh() {
  const [overview, grains, silos] = await Promise.all([get('overview'), get('grains'), get('silos')]);
  if (overview) {
    $('silo-count').textContent = overview.active_silos;
    $('activations-total').textContent = overview.total_activations;
    $('rps').textContent = fmt(overview.requests_per_second);
    $('error-rate').textContent = fmt(100 * overview.error_rate, 2) + ' %';
    $('latency-mean').textContent = fmt(overview.mean_latency_ms) + ' ms';
    $('latency-p99').textContent = fmt(overview.p99_latency_ms) + ' ms';
    $('grain-calls-total').textContent = overview.grain_calls_total;
    chart($('chart-rps'), [{ values: overview.series.map(p => p.requests_per_second), color: '#2563eb' }]);
    chart($('chart-latency'), [
      { values: overview.series.map(p => p.mean_ms), color: '#16a34a' },
      { values: overview.series.map(p => p.p99_ms), color: '#dc2626' }]);
  }
  if (silos) {
    rows('silos', silos, s => [s.generation, s.address, s.status, duration(s.uptime_seconds),
      s.cpu_percent == null ? '–' : fmt(s.cpu_percent) + ' %', megabytes(s.memory_bytes), s.activations ?? '–']);
  }
  if (grains) {
    rows('activations-by-type', Object.entries(grains.activations_by_type), ([type, n]) => [type, n]);
    rows('activations-by-silo', grains.activations_by_silo, s => [s.generation, s.address,
      Object.entries(s.by_type).map(([t, n]) => `${t}: ${n}`).join(', ')]);
    const method = m => [m.grain_type, m.method, m.calls, fmt(m.calls_per_second), m.failures, fmt(m.mean_ms, 2), fmt(m.p99_ms, 1)];
    rows('methods', grains.methods, method);
    rows('slowest', grains.slowest, m => [`${m.grain_type}.${m.method}`, fmt(m.mean_ms, 2) + ' ms']);
    rows('failing', grains.most_failing, m => [`${m.grain_type}.${m.method}`, m.failures]);
  }
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}

async function lookUp() {
  const type = $('state-type').value, id = $('state-id').value;
  const state = id ? await get(`state/${type}/${id}`) : null;
  $('state-version').textContent = state ? state.version : 'not found';
  $('state-json').textContent = state ? JSON.stringify(state.state, null, 2) : '';
}

$('state-form').addEventListener('submit', e => { e.preventDefault(); lookUp(); });
// /dashboard?product=42 (or ?category=7) opens with that grain's state shown.
const query = new URLSearchParams(location.search);
for (const type of ['product', 'category']) {
  if (query.get(type)) { $('state-type').value = type; $('state-id').value = query.get(type); lookUp(); }
}
refresh();
setInterval(refresh, 2000);
