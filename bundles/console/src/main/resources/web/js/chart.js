// A small live line chart in SVG: a fixed window of points per series, y axis from 0 to a rounded
// maximum, the latest values in a legend. No library, no canvas: it scales with CSS and stays crisp.
import {h} from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 120;
const PAD = {left: 40, right: 8, top: 8, bottom: 16};

function svg(tag, attrs = {}) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * @param {string} id element id, also the chart's name for tests
 * @param {string} title heading text
 * @param {{name: string, className: string}[]} series one line each
 * @param {(v: number) => string} format how a value is written (axis, legend)
 */
export function lineChart(id, title, series, format = (v) => v.toFixed(1), points = 60) {
  const data = series.map(() => []);
  const plot = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart-svg', role: 'img', 'aria-labelledby': `${id}-title`});
  const grid = svg('g', {class: 'chart-grid'});
  const lines = series.map((s) => svg('polyline', {class: `chart-line ${s.className}`, fill: 'none', points: ''}));
  const dots = series.map((s) => svg('circle', {class: `chart-dot ${s.className}`, r: 2.5, cx: -10, cy: -10}));
  plot.append(grid, ...lines, ...dots);
  const legend = h('ul', {class: 'chart-legend'});
  const legendValues = series.map((s) => {
    const value = h('span', {class: 'chart-value'}, '—');
    legend.append(h('li', {class: s.className}, h('span', {class: 'chart-swatch', 'aria-hidden': 'true'}), `${s.name}: `, value));
    return value;
  });
  const el = h('figure', {class: 'chart', id}, h('figcaption', {id: `${id}-title`}, title), plot, legend);

  function draw() {
    const all = data.flat().filter((v) => v !== null && Number.isFinite(v));
    const top = niceMax(all.length ? Math.max(...all) : 1);
    grid.replaceChildren();
    for (const fraction of [0, 0.5, 1]) {
      const y = PAD.top + (1 - fraction) * (HEIGHT - PAD.top - PAD.bottom);
      grid.append(svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y}));
      const label = svg('text', {x: PAD.left - 4, y: y + 3, 'text-anchor': 'end'});
      label.textContent = format(top * fraction);
      grid.append(label);
    }
    const step = (WIDTH - PAD.left - PAD.right) / (points - 1);
    data.forEach((values, i) => {
      const offset = points - values.length;
      const coords = [];
      values.forEach((v, j) => {
        if (v === null || !Number.isFinite(v)) return;
        const x = PAD.left + (offset + j) * step;
        const y = PAD.top + (1 - v / top) * (HEIGHT - PAD.top - PAD.bottom);
        coords.push(`${x.toFixed(1)},${y.toFixed(1)}`);
      });
      lines[i].setAttribute('points', coords.join(' '));
      const last = coords.length ? coords[coords.length - 1].split(',') : ['-10', '-10'];
      dots[i].setAttribute('cx', last[0]);
      dots[i].setAttribute('cy', last[1]);
    });
  }

  /** Adds one point per series (null for "no value now"). */
  function push(values) {
    values.forEach((v, i) => {
      data[i].push(v);
      if (data[i].length > points) data[i].shift();
      legendValues[i].textContent = v === null || !Number.isFinite(v) ? 'n/a' : format(v);
    });
    draw();
  }

  draw();
  return {el, push};
}

function niceMax(value) {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (value <= m * magnitude) return m * magnitude;
  }
  return 10 * magnitude;
}
