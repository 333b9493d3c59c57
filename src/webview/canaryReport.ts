// The Canary report page. Every element is built with createElement/createElementNS and textContent,
// never innerHTML, and chart coordinates are numbers, so nothing from an outcome file becomes markup.
import type { CanaryReportMetric, CanaryReportState, FromCanaryReport, ToCanaryReport } from './canaryReportProtocol';
import { element, pageRoot, vsCodeApi } from './pageBasics';

const vscode = vsCodeApi<FromCanaryReport, CanaryReportState>();
const root = pageRoot();
const svgNamespace = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Readonly<Record<string, number | string>>): SVGElement {
  const node = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

const chartWidth = 180;
const chartHeight = 22;

/** The difference as a dot, its interval as a bar, against a dashed zero line; each chart scaled to its own metric. */
function intervalChart(metric: CanaryReportMetric): Element {
  const chart = svg('svg', { width: chartWidth, height: chartHeight, viewBox: `0 0 ${chartWidth} ${chartHeight}`, class: `chart ${metric.effect}`, role: 'img' });
  const title = svg('title', {});
  title.textContent = metric.chart ? `${metric.name}: ${metric.difference}, ${metric.interval}` : `${metric.name}: not tested`;
  chart.append(title);
  if (!metric.chart) return chart;
  const { difference, low, high } = metric.chart;
  const reach = Math.max(Math.abs(low), Math.abs(high), Math.abs(difference)) * 1.1 || 1;
  const x = (value: number): number => Math.round((chartWidth / 2 + (value / reach) * (chartWidth / 2 - 6)) * 10) / 10;
  const middle = chartHeight / 2;
  chart.append(
    svg('line', { class: 'zero', x1: x(0), x2: x(0), y1: 2, y2: chartHeight - 2 }),
    svg('line', { class: 'interval', x1: x(Math.max(low, -reach)), x2: x(Math.min(high, reach)), y1: middle, y2: middle }),
    svg('line', { class: 'cap', x1: x(low), x2: x(low), y1: middle - 4, y2: middle + 4 }),
    svg('line', { class: 'cap', x1: x(high), x2: x(high), y1: middle - 4, y2: middle + 4 }),
    svg('circle', { class: 'estimate', cx: x(difference), cy: middle, r: 3.5 }),
  );
  return chart;
}

function header(state: CanaryReportState): HTMLElement {
  const bar = element('header', 'experiment');
  bar.append(element('h1', undefined, `${state.prompt} · ${state.label}`), element('p', 'split', state.split), element('p', 'outcomes', state.outcomesFile));
  const actions = element('div', 'actions');
  const promote = element('button', 'primary', 'Promote canary');
  promote.id = 'promote';
  promote.disabled = !state.running;
  promote.addEventListener('click', () => vscode.postMessage({ type: 'promote' }));
  const rollBack = element('button', 'danger', 'Roll back');
  rollBack.id = 'roll-back';
  rollBack.disabled = !state.running;
  rollBack.title = 'End the canary: all traffic returns to the stable version';
  rollBack.addEventListener('click', () => vscode.postMessage({ type: 'rollBack' }));
  const choose = element('button', 'secondary', 'Outcomes file…');
  choose.id = 'choose-outcomes';
  choose.addEventListener('click', () => vscode.postMessage({ type: 'chooseOutcomes' }));
  const refresh = element('button', 'secondary', 'Refresh');
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  actions.append(promote, rollBack, choose, refresh);
  bar.append(actions);
  return bar;
}

function verdictBanner(verdict: string, reasons: readonly string[]): HTMLElement {
  const banner = element('section', `verdict ${verdict}`);
  banner.setAttribute('role', 'status');
  banner.append(element('div', 'verdict-label', 'Verdict'), element('div', 'verdict-name', verdict));
  const list = element('ul', 'reasons');
  for (const reason of reasons) list.append(element('li', undefined, reason));
  banner.append(list);
  return banner;
}

function metricTable(intervalName: string, metrics: readonly CanaryReportMetric[]): HTMLElement {
  const table = element('table', 'metrics');
  const head = element('tr');
  for (const title of ['Metric', 'Test', 'Stable', 'Canary', 'Canary − stable', intervalName, '', 'Adj. p']) head.append(element('th', undefined, title));
  table.append(element('thead'));
  table.tHead?.append(head);
  const body = element('tbody');
  for (const metric of metrics) {
    const row = element('tr', `effect-${metric.effect}`);
    const name = element('td', 'name', metric.name);
    if (metric.notes) name.append(element('span', 'notes', metric.notes));
    const chart = element('td', 'chart-cell');
    chart.append(intervalChart(metric));
    row.append(name, element('td', undefined, metric.test), element('td', 'number', metric.stable), element('td', 'number', metric.canary), element('td', 'number', metric.difference), element('td', 'number', metric.interval), chart, element('td', 'number', metric.pValue));
    body.append(row);
  }
  table.append(body);
  return table;
}

function show(state: CanaryReportState): void {
  const parts: HTMLElement[] = [header(state)];
  if (state.result.ok) {
    parts.push(verdictBanner(state.result.verdict, state.result.reasons), element('p', 'rows', state.result.rows), metricTable(state.result.intervalName, state.result.metrics));
    parts.push(element('p', `srm ${state.result.srm.mismatch ? 'mismatch' : 'fine'}`, state.result.srm.text));
  } else {
    const error = element('div', 'error');
    error.setAttribute('role', 'alert');
    error.append(element('strong', undefined, 'Cannot compare: '), element('span', undefined, state.result.error));
    parts.push(error);
  }
  root.replaceChildren(...parts);
  vscode.setState(state);
  const elements = [...root.querySelectorAll('*')].map((node) => node.tagName.toLowerCase());
  vscode.postMessage({ type: 'rendered', text: root.innerText, html: root.innerHTML, elements, verdict: state.result.ok ? state.result.verdict : undefined });
}

window.addEventListener('message', (event: MessageEvent<ToCanaryReport>) => {
  if (event.data.type === 'state') show(event.data.state);
});

const saved = vscode.getState();
if (saved) show(saved);
vscode.postMessage({ type: 'ready' });
