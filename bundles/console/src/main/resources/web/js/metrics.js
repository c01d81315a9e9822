// Turns two successive snapshots of GET /api/platform/metrics (and /runtime) into the figures the
// monitoring page charts. Rates come from count differences, so they are exact over the interval.

const entries = (m, kind, base) => ((m && m[kind] && m[kind][base]) || []);
const sumCount = (list) => list.reduce((s, e) => s + (e.count || 0), 0);
const gauge = (m, base) => {
  const list = entries(m, 'gauges', base);
  return list.length ? list.reduce((s, e) => s + (Number(e.value) || 0), 0) : null;
};

/** Figures for one interval; any of them null when the server does not measure it. */
export function figures(previous, current, seconds, runtime) {
  const out = {};
  const requests = entries(current, 'timers', 'http.server.requests');
  const before = new Map(entries(previous, 'timers', 'http.server.requests').map((e) => [key(e.labels), e.count]));
  out.requestsPerSecond = previous && requests.length ? rate(sumCount(requests) - sumCount(
    entries(previous, 'timers', 'http.server.requests')), seconds) : null;
  const busy = requests.filter((e) => e.count > (before.get(key(e.labels)) ?? 0));
  const pick = busy.length ? busy : requests.filter((e) => e.count > 0);
  out.p95 = pick.length ? Math.max(...pick.map((e) => e.p95 ?? 0)) : null;
  out.p99 = pick.length ? Math.max(...pick.map((e) => e.p99 ?? 0)) : null;

  const responses = (m, cls) => sumCount(entries(m, 'meters', 'http.server.responses')
    .filter((e) => !cls || (e.labels && e.labels.class === cls)));
  const total = responses(current) - responses(previous);
  out.serverErrorPercent = previous && total > 0 ? 100 * (responses(current, '5xx') - responses(previous, '5xx')) / total : (previous ? 0 : null);
  out.clientErrorPercent = previous && total > 0 ? 100 * (responses(current, '4xx') - responses(previous, '4xx')) / total : (previous ? 0 : null);

  const http = (runtime && runtime.http) || {};
  out.threadsBusy = gauge(current, 'jetty.threads.busy') ?? http.busyThreads ?? null;
  out.threadsMax = gauge(current, 'jetty.threads.max') ?? http.maxThreads ?? null;
  out.threadsQueued = gauge(current, 'jetty.threads.queue') ?? http.queueSize ?? null;
  const db = (runtime && runtime.db) || {};
  out.dbActive = gauge(current, 'db.pool.active') ?? db.activeConnections ?? null;
  out.dbMax = gauge(current, 'db.pool.max') ?? db.maximumPoolSize ?? null;
  out.dbPending = gauge(current, 'db.pool.pending') ?? db.pendingThreads ?? null;

  const cacheDelta = (base) => sumCount(entries(current, 'meters', base)) - sumCount(entries(previous, 'meters', base));
  const lookups = cacheDelta('cache.hits') + cacheDelta('cache.misses');
  out.cacheHitPercent = previous && entries(current, 'meters', 'cache.hits').length
    ? (lookups > 0 ? 100 * cacheDelta('cache.hits') / lookups : null) : null;

  const jvm = (runtime && runtime.jvm) || {};
  out.heapUsedMiB = mib(gauge(current, 'jvm.memory.heap.used') ?? jvm.heapUsedBytes);
  out.heapMaxMiB = mib(gauge(current, 'jvm.memory.heap.max') ?? jvm.heapMaxBytes);
  return out;
}

function key(labels) {
  return JSON.stringify(labels || {});
}

function rate(delta, seconds) {
  return seconds > 0 ? Math.max(0, delta) / seconds : null;
}

function mib(bytes) {
  return bytes === null || bytes === undefined ? null : bytes / (1024 * 1024);
}
