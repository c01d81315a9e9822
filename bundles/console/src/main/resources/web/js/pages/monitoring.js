// Monitoring: live charts refreshed every few seconds, and the tuning advisor's recommendations
// with an Apply button.
import {ApiError, describe, get, items, post} from '../api.js';
import {h, replace, toast} from '../dom.js';
import {lineChart} from '../chart.js';
import {figures} from '../metrics.js';
import {may} from '../session.js';

const PERIOD_MS = 3000;

export async function render(main) {
  const status = h('p', {id: 'monitoring-status', class: 'muted', 'aria-live': 'polite'}, 'Collecting…');
  const charts = {
    requests: lineChart('chart-requests', 'Requests per second', [{name: 'req/s', className: 's1'}]),
    latency: lineChart('chart-latency', 'Latency, slowest route (ms)',
      [{name: 'p95', className: 's1'}, {name: 'p99', className: 's2'}]),
    errors: lineChart('chart-errors', 'Error responses (% of responses)',
      [{name: '5xx', className: 's3'}, {name: '4xx', className: 's2'}]),
    threads: lineChart('chart-threads', 'HTTP thread pool', [{name: 'busy', className: 's1'},
      {name: 'max', className: 's4'}, {name: 'queued', className: 's3'}], (v) => v.toFixed(0)),
    db: lineChart('chart-db', 'Database pool', [{name: 'active', className: 's1'}, {name: 'max', className: 's4'},
      {name: 'waiting', className: 's3'}], (v) => v.toFixed(0)),
    cache: lineChart('chart-cache', 'Cache hit ratio (%)', [{name: 'hits', className: 's1'}]),
    heap: lineChart('chart-heap', 'Heap (MiB)', [{name: 'used', className: 's1'}, {name: 'max', className: 's4'}],
      (v) => v.toFixed(0)),
  };
  const advice = h('section', {id: 'advice', 'aria-labelledby': 'advice-title'});
  replace(main, h('h1', {}, 'Monitoring'), status,
    h('div', {class: 'charts'}, Object.values(charts).map((c) => c.el)), advice);

  let previous = null;
  let previousAt = 0;
  let metricsMissing = false;
  let stopped = false;
  async function tick() {
    let metrics = null;
    let runtime = null;
    try {
      runtime = await get('/api/platform/runtime');
    } catch (error) {
      status.textContent = describe(error);
    }
    if (!metricsMissing) {
      try {
        metrics = await get('/api/platform/metrics');
      } catch (error) {
        if (error instanceof ApiError && error.unavailable) metricsMissing = true;
        else status.textContent = describe(error);
      }
    }
    const now = performance.now();
    const f = figures(previous, metrics, (now - previousAt) / 1000, runtime);
    previous = metrics;
    previousAt = now;
    charts.requests.push([f.requestsPerSecond]);
    charts.latency.push([f.p95, f.p99]);
    charts.errors.push([f.serverErrorPercent, f.clientErrorPercent]);
    charts.threads.push([f.threadsBusy, f.threadsMax, f.threadsQueued]);
    charts.db.push([f.dbActive, f.dbMax, f.dbPending]);
    charts.cache.push([f.cacheHitPercent]);
    charts.heap.push([f.heapUsedMiB, f.heapMaxMiB]);
    status.textContent = `${metricsMissing ? 'Metrics not available (platform-monitoring does not answer); '
      + 'showing runtime figures only. ' : ''}Updated ${new Date().toLocaleTimeString()}; refreshes every ${PERIOD_MS / 1000} s.`;
  }
  const loop = async () => {
    if (stopped) return;
    await tick();
    if (!stopped) timer = setTimeout(loop, PERIOD_MS);
  };
  let timer = null;
  await loop();
  await renderAdvice(advice);
  const adviceTimer = setInterval(() => renderAdvice(advice), PERIOD_MS * 10);
  return () => { stopped = true; clearTimeout(timer); clearInterval(adviceTimer); };
}

async function renderAdvice(section) {
  const title = h('h2', {id: 'advice-title'}, 'Tuning advice');
  let list;
  let notes = [];
  try {
    const report = await get('/api/platform/tuning/advice');
    list = items(report);
    notes = (report && report.notes) || [];
  } catch (error) {
    replace(section, title, h('p', {class: 'muted'}, error instanceof ApiError && error.unavailable
      ? 'Not available: the tuning advisor (platform-tuning) does not answer on this server.' : describe(error)));
    return;
  }
  const noteList = notes.length ? h('ul', {class: 'muted small'}, notes.map((n) => h('li', {}, n))) : null;
  if (list.length === 0) {
    replace(section, title, h('p', {class: 'muted'}, 'No recommendations: the measured load fits the current settings.'),
      noteList);
    return;
  }
  const editable = may('platform.tuning:edit');
  replace(section, title, h('ul', {class: 'advice-list'}, list.map((a) => adviceItem(a, editable, section))), noteList);
}

function adviceItem(a, editable, section) {
  const target = a.parameter;
  const apply = target && editable ? h('button', {type: 'button', class: 'primary', id: `apply-${a.id}`,
    'aria-label': `Apply: set ${target.key} of ${target.pid} to ${a.recommended}`,
    onclick: async (e) => {
      e.target.disabled = true;
      try {
        await post('/api/platform/tuning/apply', {adviceId: a.id});
        toast(`Applied: ${target.key} = ${a.recommended}.`);
        await renderAdvice(section);
      } catch (error) {
        toast(describe(error), 'error');
        e.target.disabled = false;
      }
    }}, 'Apply') : null;
  return h('li', {class: `card advice advice-${a.severity || 'info'}`},
    h('p', {class: 'strong'}, target ? [h('code', {}, `${target.pid} ${target.key}`), `: ${a.current} → ${a.recommended}`]
      : String(a.recommended ?? '')),
    h('p', {}, a.reason || ''),
    apply);
}
