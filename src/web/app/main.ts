/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page of `territoires serve`: choose or upload a territory, edit its inventories, choose use cases and
 * scenarios, adjust the main parameters, read the metrics and charts, run the Monte Carlo, download the outputs.
 *
 * The metrics are computed here, in the browser, by the same engine as the command line (computeResults): an edit
 * shows its effect without a round trip. The server sends the run data once and renders the downloads.
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { InputError, InputErrors } from '../../core/errors.js';
import type { RunData, RunResults } from '../../evaluate/engine.js';
import type { ExampleEntry, WebData } from '../api.js';
import type { TerritoryDocument } from '../document.js';
import { ChartPanel, pageCharts } from './charts.js';
import { computeResults, toRunData, type PageRunData } from './compute.js';
import { h, replaceChildren } from './dom.js';
import { DIGITAL_FIELDS, IDENTITY_FIELDS, USE_CASE_FIELDS } from './fields.js';
import { renderSpecs, type FormContext } from './forms.js';
import { CONFIDENCE_LABELS, formatNumber, tr, UI, USE_CASE_LABELS, type L, type Lang } from './i18n.js';
import { metricRows } from './metrics.js';
import { displayUnit, sliderSpecs, type SliderSpec } from './parameters.js';
import { importTable, readTable, type TableData } from './table.js';

// The page's Content-Security-Policy forbids eval: zod must not try its compiled fast path.
z.config({ jitless: true });

const USE_CASES = ['lighting', 'water', 'climate-risk', 'buildings'] as const;
const DEBOUNCE_MS = 50;

interface State {
  lang: Lang;
  data: WebData;
  runData: RunData;
  doc: TerritoryDocument | null;
  /** What the document came from: an example id or an uploaded file's name. */
  origin: string;
  useCases: string[];
  scenarios: string[];
  shownScenario: string;
  overrides: Record<string, number>;
  results: RunResults | null;
  errors: InputError[];
  /** performance.now() of the last edit not yet computed. */
  editAt: number;
  timer: number | undefined;
  sequence: number;
  table: (TableData & { name: string }) | null;
  monteCarlo: AbortController | null;
  /** Time the last validation and evaluation took [ms]. */
  evaluateMs: number;
  /** performance.now() when the last computation ended. */
  lastComputeEnd: number;
  /** Forms the reader opened (`lighting`, …, `digital`). */
  openForms: Set<string>;
  /** True once the warm-up computations were scheduled. */
  warmed: boolean;
}

let state: State;
const charts = new ChartPanel();
const root = document.getElementById('app') as HTMLElement;

// ---------------------------------------------------------------------------------------------------------------
// Start

async function start(): Promise<void> {
  const stored = localStorage.getItem('territoires-lang');
  let lang: Lang = stored === 'en' ? 'en' : 'fr';
  document.documentElement.lang = lang;
  replaceChildren(root, h('p', { role: 'status' }, tr(UI.loading, lang)));
  let data: WebData;
  try {
    const response = await fetch('/api/data', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = (await response.json()) as WebData;
  } catch (error) {
    replaceChildren(root, h('p', { role: 'alert', class: 'error' }, `${tr(UI.loadFailed, lang)} (${String(error)})`));
    return;
  }
  if (stored !== 'fr' && stored !== 'en') lang = data.lang === 'en' ? 'en' : 'fr';
  const scenarios = Object.keys(data.runData.packs);
  const ordered = ['TEND', 'S1', 'S2', 'S3', 'S4'].filter((s) => scenarios.includes(s)).concat(scenarios.filter((s) => !['TEND', 'S1', 'S2', 'S3', 'S4'].includes(s)).sort());
  state = {
    lang,
    data,
    runData: toRunData(data.runData as unknown as PageRunData),
    doc: null,
    origin: '',
    useCases: [],
    scenarios: ordered.filter((s) => ['TEND', 'S1', 'S2', 'S3', 'S4'].includes(s)),
    shownScenario: ordered.includes('TEND') ? 'TEND' : ordered[0],
    overrides: {},
    results: null,
    errors: [],
    editAt: performance.now(),
    timer: undefined,
    sequence: 0,
    table: null,
    monteCarlo: null,
    evaluateMs: 0,
    lastComputeEnd: 0,
    openForms: new Set(),
    warmed: false,
  };
  const first = data.examples[0];
  if (first) setDocument(structuredClone(first.document), first.id);
  else renderAll();
}

/** Replaces the territory; every use case it describes is selected. */
function setDocument(doc: TerritoryDocument, origin: string): void {
  state.doc = doc;
  state.origin = origin;
  state.useCases = USE_CASES.filter((id) => doc.useCases[id] !== undefined);
  state.results = null;
  state.errors = [];
  renderAll();
  edited();
}

// ---------------------------------------------------------------------------------------------------------------
// Computing

/**
 * An edit happened. A lone edit is computed at once (in the next task); edits that follow a computation within
 * DEBOUNCE_MS (a slider dragged, a number typed) wait until they pause for DEBOUNCE_MS.
 */
function edited(): void {
  const now = performance.now();
  state.editAt = now;
  const region = document.getElementById('results');
  region?.setAttribute('data-state', 'computing');
  window.clearTimeout(state.timer);
  const burst = state.timer !== undefined || now - state.lastComputeEnd < DEBOUNCE_MS;
  state.timer = window.setTimeout(() => {
    state.timer = undefined;
    void compute().finally(() => {
      state.lastComputeEnd = performance.now();
    });
  }, burst ? DEBOUNCE_MS : 0);
}

async function compute(): Promise<void> {
  const sequence = ++state.sequence;
  const doc = state.doc;
  if (!doc) return;
  if (state.scenarios.length === 0 || state.useCases.length === 0) {
    state.errors = [new InputError(tr(state.scenarios.length === 0 ? UI.needScenario : UI.needUseCase, state.lang), { expected: '', received: '', fix: '' })];
    renderResults(null);
    return;
  }
  const started = performance.now();
  try {
    const results = await computeResults(doc, state.runData, { scenarios: state.scenarios, useCases: state.useCases, overrides: state.overrides });
    if (sequence !== state.sequence) return;
    state.results = results;
    state.errors = [];
    state.evaluateMs = performance.now() - started;
    renderResults(started);
    if (!state.warmed) warmUp();
  } catch (error) {
    if (sequence !== state.sequence) return;
    state.errors = error instanceof InputErrors ? error.errors : error instanceof InputError ? [error] : [new InputError(String((error as Error).message ?? error), { expected: '', received: '', fix: '' })];
    renderResults(null);
  }
}

/**
 * After the first computation, two more in idle time, results unused: the browser compiles the engine's hot code
 * then, rather than during the reader's first edits.
 */
function warmUp(): void {
  state.warmed = true;
  let left = 2;
  const once = () => {
    if (!state.doc || left-- <= 0) return;
    computeResults(state.doc, state.runData, { scenarios: state.scenarios, useCases: state.useCases, overrides: state.overrides })
      .catch(() => undefined)
      .finally(() => requestIdleCallback(once, { timeout: 3000 }));
  };
  requestIdleCallback(once, { timeout: 3000 });
}

// ---------------------------------------------------------------------------------------------------------------
// The whole page

function renderAll(focusId?: string): void {
  const active = focusId ?? document.activeElement?.id;
  const { lang } = state;
  document.documentElement.lang = lang;
  document.title = tr(UI.title, lang);
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = tr(UI.skip, lang);
  charts.clear();
  const langButton = h('button', { type: 'button', id: 'lang-switch', lang: lang === 'fr' ? 'en' : 'fr', 'aria-label': tr(UI.switchLangLabel, lang) }, tr(UI.switchLang, lang));
  langButton.addEventListener('click', () => {
    state.lang = state.lang === 'fr' ? 'en' : 'fr';
    localStorage.setItem('territoires-lang', state.lang);
    renderAll('lang-switch');
    renderResults(null);
  });
  replaceChildren(
    root,
    h('header', { class: 'top' }, h('h1', {}, tr(UI.title, lang)), langButton, h('p', { class: 'intro' }, tr(UI.intro, lang))),
    territorySection(),
    choicesSection(),
    inventorySection(),
    parametersSection(),
    resultsSection(),
    monteCarloSection(),
    downloadsSection(),
    h('footer', {}, h('p', {}, tr(UI.footer, lang), ` v${state.data.version}`)),
  );
  if (active) focusById(active);
  if (state.results || state.errors.length > 0) renderResults(null);
}

/** Opens the forms around an element, so that it can be seen and focused. */
function reveal(el: Element): void {
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
}

function focusById(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, button, textarea, a[href]') ? el : el.querySelector<HTMLElement>('input, select, button, textarea');
  target?.focus();
}

function section(id: string, title: L, ...children: (Node | null)[]): HTMLElement {
  return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, tr(title, state.lang)), ...children);
}

/** A status line read out by screen readers when it changes. */
function status(id: string): HTMLElement {
  return h('p', { id, class: 'status', role: 'status', 'aria-live': 'polite' });
}

function setStatus(id: string, text: string, isError = false): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.textContent = text;
  el.classList.toggle('error', isError);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Territory

function territorySection(): HTMLElement {
  const { lang, data } = state;
  const select = h('select', { id: 'example' });
  for (const ex of data.examples) select.appendChild(h('option', { value: ex.id }, ex.name));
  if (data.examples.some((e) => e.id === state.origin)) select.value = state.origin;
  const load = h('button', { type: 'button', id: 'load-example' }, tr(UI.loadExample, lang));
  load.addEventListener('click', () => {
    const ex = data.examples.find((e) => e.id === select.value);
    if (!ex) return;
    setDocument(structuredClone(ex.document), ex.id);
    setStatus('territory-status', tr(UI.loaded, state.lang) + ex.name);
    focusById('load-example');
  });
  const file = h('input', {
    type: 'file',
    id: 'upload',
    multiple: true,
    accept: '.yaml,.yml,.json,.csv,.txt,.xlsx,.geojson',
    'aria-describedby': 'upload-help',
  });
  file.addEventListener('change', () => void upload(file));

  const doc = state.doc;
  const current = doc
    ? h(
        'div',
        { class: 'current' },
        h('h3', {}, tr(UI.current, lang)),
        // The territory's name is data: shown as text.
        h('p', { class: 'territory-name', id: 'territory-name' }, doc.name),
        h('p', {}, `${formatNumber(doc.population, 0, lang)} ${tr(UI.inhabitants, lang)}`),
        h('fieldset', { class: 'identity' }, h('legend', {}, tr(UI.identity, lang)), ...renderSpecs(IDENTITY_FIELDS, doc as unknown as Record<string, unknown>, [], formContext())),
      )
    : null;
  return section(
    'territory',
    UI.territorySection,
    h('div', { class: 'row' }, h('label', { for: 'example' }, tr(UI.example, lang)), select, load),
    h('div', { class: 'field' }, h('label', { for: 'upload' }, tr(UI.upload, lang)), file, h('p', { class: 'help', id: 'upload-help' }, tr(UI.uploadHelp, lang))),
    status('territory-status'),
    tablePanel(),
    current,
  );
}

function formContext(): FormContext {
  return {
    lang: state.lang,
    onEdit: () => {
      const name = document.getElementById('territory-name');
      if (name && state.doc) name.textContent = state.doc.name;
      edited();
    },
    onStructure: (focusId) => {
      renderAll(focusId);
      edited();
    },
  };
}

/** Reads the chosen files and sends them to the server, which validates them as `territoires run` does. */
async function upload(input: HTMLInputElement): Promise<void> {
  const files = [...(input.files ?? [])];
  if (files.length === 0) return;
  const { lang } = state;
  setStatus('territory-status', tr(UI.uploading, lang));
  const isTable = (n: string) => /\.(csv|txt|xlsx)$/i.test(n);
  try {
    const payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: toBase64(new Uint8Array(await f.arrayBuffer())) })));
    if (files.length === 1 && isTable(files[0].name)) {
      const table = await readTable(payload[0]);
      state.table = { ...table, name: files[0].name };
      renderAll('table-import-title');
      setStatus('territory-status', `${files[0].name} : ${formatNumber(table.rows.length, 0, lang)} ${tr(UI.tableRows, lang)}`);
      return;
    }
    const response = await postJson('/api/territory', { files: payload });
    const body = (await response.json()) as { document?: TerritoryDocument; file?: string } & ErrorBody;
    if (!response.ok || !body.document) throw new Error(errorText(body));
    state.table = null;
    setDocument(body.document, body.file ?? files[0].name);
    setStatus('territory-status', tr(UI.loaded, state.lang) + body.document.name);
  } catch (error) {
    setStatus('territory-status', (error as Error).message, true);
  } finally {
    input.value = '';
  }
}

/** The column-matching panel after a CSV or XLSX table alone was chosen. */
function tablePanel(): HTMLElement | null {
  const table = state.table;
  if (!table) return null;
  const { lang } = state;
  const fields: { key: string; label: L; guess: RegExp }[] = [
    { key: 'type', label: { fr: 'Technologie', en: 'Technology' }, guess: /type|lampe|techno|source/i },
    { key: 'count', label: { fr: 'Nombre de luminaires', en: 'Number of luminaires' }, guess: /nombre|count|nb|quantit|qte/i },
    { key: 'powerW', label: { fr: 'Puissance (W)', en: 'Power (W)' }, guess: /puissance|power|watt|_w$/i },
    { key: 'ageYears', label: { fr: 'Âge (ans)', en: 'Age (years)' }, guess: /age|âge/i },
    { key: 'lampLifetimeYears', label: { fr: 'Relamping tous les (ans)', en: 'Relamping every (years)' }, guess: /relamp|duree|durée|lifetime/i },
  ];
  const selects = fields.map((f) => {
    const id = `map-${f.key}`;
    const select = h('select', { id });
    select.appendChild(h('option', { value: '' }, tr(UI.tableColumnNone, lang)));
    for (const c of table.header) select.appendChild(h('option', { value: c }, c));
    select.value = table.header.find((c) => f.guess.test(c)) ?? '';
    return { field: f, select, el: h('div', { class: 'field' }, h('label', { for: id }, tr(f.label, lang)), select) };
  });
  const apply = h('button', { type: 'button', id: 'table-apply' }, tr(UI.tableImportButton, lang));
  apply.addEventListener('click', () => {
    if (!state.doc) {
      setStatus('territory-status', tr(UI.tableNeedsLighting, state.lang), true);
      return;
    }
    const columns = Object.fromEntries(selects.filter((s) => s.select.value !== '').map((s) => [s.field.key, s.select.value]));
    const luminaires = importTable(table, columns);
    const lighting = state.doc.useCases.lighting ?? structuredClone(exampleWith('lighting')?.document.useCases.lighting) ?? { inventory: { cabinets: 1 } };
    lighting.inventory.luminaires = luminaires;
    state.doc.useCases.lighting = lighting;
    if (!state.useCases.includes('lighting')) state.useCases = USE_CASES.filter((u) => u === 'lighting' || state.useCases.includes(u));
    state.table = null;
    renderAll('upload');
    setStatus('territory-status', tr(UI.tableImported, state.lang) + String(luminaires.length));
    edited();
  });
  const cancel = h('button', { type: 'button' }, tr(UI.tableCancel, lang));
  cancel.addEventListener('click', () => {
    state.table = null;
    renderAll('upload');
  });
  return h(
    'div',
    { class: 'table-import', role: 'group', 'aria-labelledby': 'table-import-title' },
    h('h3', { id: 'table-import-title', tabindex: -1 }, `${tr(UI.tableImport, lang)} — ${table.name}`),
    h('p', { class: 'help' }, tr(UI.tableImportHelp, lang)),
    ...selects.map((s) => s.el),
    h('div', { class: 'row' }, apply, cancel),
  );
}

function exampleWith(useCase: string): ExampleEntry | undefined {
  return state.data.examples.find((e) => e.document.useCases[useCase] !== undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Use cases and scenarios

function choicesSection(): HTMLElement {
  const { lang, doc } = state;
  const useCaseBoxes = USE_CASES.map((id) => {
    const boxId = `uc-${id}`;
    const box = h('input', { type: 'checkbox', id: boxId, value: id });
    box.checked = state.useCases.includes(id);
    const described = doc?.useCases[id] !== undefined;
    box.addEventListener('change', () => {
      if (box.checked && state.doc && !state.doc.useCases[id]) {
        const ex = exampleWith(id);
        if (ex) state.doc.useCases[id] = structuredClone(ex.document.useCases[id]);
      }
      state.useCases = USE_CASES.filter((u) => (u === id ? box.checked : state.useCases.includes(u)));
      renderAll(boxId);
      edited();
    });
    return h('div', { class: 'check' }, box, h('label', { for: boxId }, tr(USE_CASE_LABELS[id], lang), described ? null : h('span', { class: 'muted' }, ` ${tr(UI.notDescribed, lang)}`)));
  });
  const scenarioBoxes = Object.keys(state.data.runData.packs)
    .sort((a, b) => (a === 'TEND' ? -1 : b === 'TEND' ? 1 : a.localeCompare(b)))
    .map((id) => {
      const boxId = `sc-${id}`;
      const box = h('input', { type: 'checkbox', id: boxId, value: id });
      box.checked = state.scenarios.includes(id);
      box.addEventListener('change', () => {
        const all = Object.keys(state.data.runData.packs);
        state.scenarios = all.filter((s) => (s === id ? box.checked : state.scenarios.includes(s))).sort((a, b) => (a === 'TEND' ? -1 : b === 'TEND' ? 1 : a.localeCompare(b)));
        if (!state.scenarios.includes(state.shownScenario) && state.scenarios.length > 0) state.shownScenario = state.scenarios[0];
        edited();
      });
      const pack = state.data.runData.packs[id] as { name?: L } | undefined;
      return h('div', { class: 'check' }, box, h('label', { for: boxId }, `${id} — ${pack?.name ? tr(pack.name, lang) : id}`));
    });
  return section(
    'choices',
    UI.choicesSection,
    h('fieldset', {}, h('legend', {}, tr(UI.useCases, lang)), ...useCaseBoxes),
    h('fieldset', {}, h('legend', {}, tr(UI.scenarios, lang)), ...scenarioBoxes),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Inventories

function inventorySection(): HTMLElement {
  const { lang, doc } = state;
  if (!doc) return section('inventories', UI.inventorySection);
  const ctx = formContext();
  /** A form that opens and closes, and stays as the reader left it when the page is drawn again. */
  const disclosure = (id: string, title: string, ...content: HTMLElement[]) => {
    const details = h('details', { class: 'use-case', id: `form-${id}`, open: state.openForms.has(id) }, h('summary', {}, title), ...content);
    details.addEventListener('toggle', () => (details.open ? state.openForms.add(id) : state.openForms.delete(id)));
    return details;
  };
  const sets = state.useCases
    .filter((id) => doc.useCases[id] !== undefined)
    .map((id) => disclosure(id, tr(USE_CASE_LABELS[id], lang), ...renderSpecs(USE_CASE_FIELDS[id] ?? [], doc.useCases[id] as unknown as Record<string, unknown>, ['useCases', id], ctx)));
  const digitalDraft: Record<string, unknown> = doc.digital ?? {};
  const digital = disclosure('digital', tr(UI.digitalSection, lang), ...renderSpecs(DIGITAL_FIELDS, digitalDraft, ['digital'], {
    ...ctx,
    onEdit: () => {
      // The section exists in the document once a field of it is set.
      if (!doc.digital && Object.keys(digitalDraft).length > 0) doc.digital = digitalDraft;
      ctx.onEdit();
    },
  }));
  return section('inventories', UI.inventorySection, h('p', { class: 'help' }, tr(UI.inventoryHelp, lang)), ...sets, digital);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Main parameters

function sliders(): SliderSpec[] {
  return sliderSpecs(state.runData as unknown as Parameters<typeof sliderSpecs>[0], state.useCases);
}

function showValue(spec: SliderSpec, value: number): string {
  const d = displayUnit(spec.unit, state.lang);
  return `${formatNumber(value * d.factor, d.digits, state.lang)} ${d.unit}`;
}

function parametersSection(): HTMLElement {
  const { lang } = state;
  const items = sliders().map((spec) => {
    const id = `p-${spec.name}`;
    const overridden = spec.name in state.overrides;
    const value = overridden ? state.overrides[spec.name] : currentValue(spec.name) ?? spec.defaultValue;
    const input = h('input', {
      type: 'range',
      id,
      min: spec.low,
      max: spec.high,
      step: spec.step,
      'aria-describedby': `${id}-value ${id}-source`,
      'data-parameter': spec.name,
    });
    input.value = String(value);
    input.setAttribute('aria-valuetext', showValue(spec, value));
    const output = h('output', { id: `${id}-value`, for: id }, showValue(spec, value));
    const reset = h('button', { type: 'button', id: `${id}-reset`, disabled: !overridden }, `${tr(UI.reset, lang)}`);
    reset.setAttribute('aria-label', `${tr(UI.reset, lang)} : ${tr(spec.label, lang)}`);
    input.addEventListener('input', () => {
      const v = Number(input.value);
      state.overrides[spec.name] = v;
      output.textContent = `${showValue(spec, v)} (${tr(UI.setOnPage, state.lang)})`;
      input.setAttribute('aria-valuetext', showValue(spec, v));
      reset.disabled = false;
      edited();
    });
    reset.addEventListener('click', () => {
      delete state.overrides[spec.name];
      const v = currentValue(spec.name) ?? spec.defaultValue;
      input.value = String(v);
      output.textContent = showValue(spec, v);
      input.setAttribute('aria-valuetext', showValue(spec, v));
      reset.disabled = true;
      input.focus();
      edited();
    });
    const source = h(
      'p',
      { class: 'source', id: `${id}-source` },
      `${tr(UI.defaultValue, lang)} : ${showValue(spec, spec.defaultValue)} · ${tr(UI.range, lang)} : ${showValue(spec, spec.low)} – ${showValue(spec, spec.high)} · `,
      h('span', { class: `confidence confidence-${spec.confidence}` }, `${tr(UI.confidence, lang)} : ${tr(CONFIDENCE_LABELS[spec.confidence], lang)}`),
      ` · ${tr(UI.source, lang)} : ${spec.source ?? tr(UI.noSource, lang)}`,
      spec.source === null && spec.note ? ` — ${tr(UI.note, lang)} : ${spec.note}` : null,
    );
    return h(
      'div',
      { class: 'parameter' },
      h('label', { for: id }, tr(spec.label, lang)),
      h('div', { class: 'slider-row' }, input, output, reset),
      h('p', { class: 'muted by-scenario', id: `${id}-scenario`, hidden: true }, tr(UI.byScenario, lang)),
      source,
    );
  });
  return section('parameters', UI.parametersSection, h('p', { class: 'help' }, tr(UI.parametersHelp, lang)), ...items);
}

/** The value the last run used for a parameter (the first scenario's when they differ). */
function currentValue(name: string): number | undefined {
  return state.results?.parameters.find((p) => p.name === name)?.value;
}

/** After a run: sliders not set on the page follow the values the run used. */
function syncSliders(): void {
  if (!state.results) return;
  for (const spec of sliders()) {
    const rows = state.results.parameters.filter((p) => p.name === spec.name);
    const note = document.getElementById(`p-${spec.name}-scenario`);
    if (note) note.hidden = !rows.some((r) => r.scenario !== null) || spec.name in state.overrides;
    if (spec.name in state.overrides || rows.length === 0) continue;
    const input = document.getElementById(`p-${spec.name}`) as HTMLInputElement | null;
    const output = document.getElementById(`p-${spec.name}-value`);
    if (!input || !output) continue;
    input.value = String(rows[0].value);
    output.textContent = showValue(spec, rows[0].value);
    input.setAttribute('aria-valuetext', showValue(spec, rows[0].value));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Results

function resultsSection(): HTMLElement {
  const { lang } = state;
  const select = h('select', { id: 'shown-scenario' });
  select.addEventListener('change', () => {
    state.shownScenario = select.value;
    renderResults(null);
  });
  return section(
    'results',
    UI.resultsSection,
    status('compute-status'),
    h('div', { id: 'errors', role: 'alert' }),
    h('div', { class: 'row' }, h('label', { for: 'shown-scenario' }, tr(UI.shownScenario, lang)), select),
    h('div', { id: 'metrics', class: 'table-wrap' }),
    h('p', { class: 'help' }, tr(UI.readingNpv, lang)),
    h('h3', {}, tr(UI.charts, lang)),
    h('div', { id: 'charts', class: 'charts' }),
  );
}

/** Draws the results (or the errors); `started` is when the computation began (null: a redraw only). */
function renderResults(started: number | null): void {
  const { lang, results } = state;
  const region = document.getElementById('results');
  if (!region) return;
  const errors = document.getElementById('errors') as HTMLElement;
  replaceChildren(errors);
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  if (state.errors.length > 0) {
    const items = state.errors.map((e) => {
      const id = e.path ? `f-${e.path.split('.').map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('-')}` : '';
      const field = id ? document.getElementById(id) : null;
      field?.setAttribute('aria-invalid', 'true');
      if (field) reveal(field);
      const text = [e.message, e.expected ? `${lang === 'fr' ? 'attendu' : 'expected'} : ${e.expected}` : '', e.fix ? `${lang === 'fr' ? 'correction' : 'fix'} : ${e.fix}` : '']
        .filter(Boolean)
        .join(' — ');
      if (field) {
        const link = h('a', { href: `#${id}` }, text);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          reveal(field);
          field.focus();
        });
        return h('li', {}, link);
      }
      return h('li', {}, e.path ? `${e.path} : ${text}` : text);
    });
    replaceChildren(errors, h('h3', {}, tr(UI.errorsTitle, lang)), h('ul', {}, ...items), results ? h('p', { class: 'muted' }, tr(UI.stale, lang)) : null);
    region.setAttribute('data-state', 'error');
  }
  if (!results) return;

  const select = document.getElementById('shown-scenario') as HTMLSelectElement;
  replaceChildren(select, ...results.manifest.scenarios.map((s) => h('option', { value: s }, `${s} — ${results.scenarios.find((x) => x.id === s)?.name[lang] ?? s}`)));
  if (!results.manifest.scenarios.includes(state.shownScenario)) state.shownScenario = results.manifest.scenarios[0];
  select.value = state.shownScenario;

  const rows = metricRows(results, state.shownScenario);
  const num = (x: number | null, digits: number, metric: string, row: (typeof rows)[number], never = false) =>
    h('td', { class: 'num', 'data-metric': metric, 'data-use-case': row.useCase, 'data-variant': row.variant }, x === null && never ? tr(UI.never, lang) : formatNumber(x, digits, lang));
  const table = h(
    'table',
    { id: 'metrics-table' },
    h('caption', {}, `${tr(UI.metricsCaption, lang)} — ${state.shownScenario}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[UI.useCase, UI.variant, UI.npvFinancial, UI.npvSocio, UI.payback, UI.avoided].map((l, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : undefined }, tr(l, lang))),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, tr(USE_CASE_LABELS[r.useCase] ?? { fr: r.useCase, en: r.useCase }, lang)),
          h('th', { scope: 'row' }, r.variantName[lang]),
          num(r.npvFinancialEur / 1000, 0, 'npvFinancialEur', r),
          num(r.npvSocioEconomicEur / 1000, 0, 'npvSocioEconomicEur', r),
          num(r.paybackYears, 1, 'simplePaybackYears', r, true),
          num(r.avoidedTco2e, 0, 'avoidedTco2e', r),
        ),
      ),
    ),
  );
  replaceChildren(document.getElementById('metrics') as HTMLElement, table);
  try {
    charts.show(document.getElementById('charts') as HTMLElement, pageCharts(results, lang), state.sequence);
  } catch (error) {
    replaceChildren(document.getElementById('charts') as HTMLElement, h('p', { class: 'error' }, String((error as Error).message)));
  }
  syncSliders();
  if (started !== null) {
    const end = performance.now();
    region.setAttribute('data-compute-ms', (end - state.editAt).toFixed(1));
    region.setAttribute('data-engine-ms', state.evaluateMs.toFixed(1));
    region.setAttribute('data-render-ms', (end - started - state.evaluateMs).toFixed(1));
    region.setAttribute('data-runs', String(Number(region.getAttribute('data-runs') ?? '0') + 1));
    region.setAttribute('data-version', String(state.sequence));
    setStatus('compute-status', `${tr(UI.computedIn, lang)} ${formatNumber(end - started, 0, lang)} ms`);
  }
  if (state.errors.length === 0) region.setAttribute('data-state', 'ready');
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Monte Carlo

function monteCarloSection(): HTMLElement {
  const { lang } = state;
  const available = state.data.capabilities.monteCarlo;
  const draws = h('input', { type: 'number', id: 'mc-draws', min: 10, max: 10000, step: 10, value: 1000, inputmode: 'numeric', disabled: !available });
  const seed = h('input', { type: 'number', id: 'mc-seed', min: 0, step: 1, value: 42, inputmode: 'numeric', disabled: !available });
  const run = h('button', { type: 'button', id: 'mc-run', disabled: !available, 'aria-describedby': available ? undefined : 'mc-unavailable' }, tr(UI.runMonteCarlo, lang));
  const stop = h('button', { type: 'button', id: 'mc-stop', hidden: true }, tr(UI.cancel, lang));
  const progress = h('progress', { id: 'mc-progress', max: 1, value: 0, hidden: true, 'aria-label': tr(UI.progress, lang) });
  run.addEventListener('click', () => void runMonteCarlo(Number(draws.value), Number(seed.value)));
  stop.addEventListener('click', () => state.monteCarlo?.abort());
  return section(
    'montecarlo',
    UI.monteCarloSection,
    h('p', { class: 'help' }, tr(UI.monteCarloHelp, lang)),
    available ? null : h('p', { class: 'note', id: 'mc-unavailable' }, tr(UI.monteCarloUnavailable, lang)),
    h('div', { class: 'row' }, h('label', { for: 'mc-draws' }, tr(UI.draws, lang)), draws, h('label', { for: 'mc-seed' }, tr(UI.seed, lang)), seed),
    h('div', { class: 'row' }, run, available ? null : h('span', { class: 'badge' }, tr(UI.comingSoon, lang)), stop),
    progress,
    status('mc-status'),
    h('div', { id: 'mc-result' }),
  );
}

async function runMonteCarlo(draws: number, seed: number): Promise<void> {
  const { lang } = state;
  const run = document.getElementById('mc-run') as HTMLButtonElement;
  const stop = document.getElementById('mc-stop') as HTMLButtonElement;
  const progress = document.getElementById('mc-progress') as HTMLProgressElement;
  const controller = new AbortController();
  state.monteCarlo = controller;
  run.disabled = true;
  stop.hidden = false;
  progress.hidden = false;
  progress.value = 0;
  replaceChildren(document.getElementById('mc-result') as HTMLElement);
  try {
    const response = await postJson('/api/montecarlo', { ...requestBody(), draws, seed }, controller.signal);
    if (!response.ok || !response.body) throw new Error(errorText((await response.json()) as ErrorBody));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let result: unknown;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, at)) as { type: string; done?: number; total?: number; result?: unknown } & ErrorBody;
        buffer = buffer.slice(at + 1);
        if (line.type === 'progress' && line.total) {
          progress.max = line.total;
          progress.value = line.done ?? 0;
          setStatus('mc-status', `${tr(UI.progress, lang)} : ${formatNumber(line.done ?? 0, 0, lang)} / ${formatNumber(line.total, 0, lang)} ${tr(UI.drawsDone, lang)}`);
        } else if (line.type === 'result') result = line.result;
        else if (line.type === 'error') throw new Error(errorText(line));
      }
    }
    if (result !== undefined) {
      setStatus('mc-status', tr(UI.monteCarloDone, lang));
      const link = h('button', { type: 'button', id: 'mc-download' }, tr(UI.monteCarloDownload, lang));
      link.addEventListener('click', () => saveBlob(new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }), 'montecarlo.json'));
      replaceChildren(document.getElementById('mc-result') as HTMLElement, monteCarloTable(result as McResult), link);
    }
  } catch (error) {
    setStatus('mc-status', controller.signal.aborted ? tr(UI.monteCarloStopped, lang) : (error as Error).message, !controller.signal.aborted);
  } finally {
    state.monteCarlo = null;
    run.disabled = false;
    stop.hidden = true;
  }
}

interface McResult {
  draws: number;
  results: {
    useCase: string;
    variant: string;
    scenario: string;
    perspective: string;
    metrics: { npvEur: { p10: number | null; p50: number | null; p90: number | null } };
    probabilities: { npvPositive: number; netNegative: number; both: number };
  }[];
}

/** The Monte Carlo's reading: socio-economic NPV P10–P90 and the probabilities, one row per variant and scenario. */
function monteCarloTable(result: McResult): HTMLElement {
  const { lang } = state;
  const k = (x: number | null) => (x === null ? '—' : `${formatNumber(x / 1000, 0, lang)} k€`);
  const pct = (x: number) => `${formatNumber(x * 100, 0, lang)} %`;
  const head = lang === 'fr'
    ? ['Usage', 'Variante', 'Scénario', 'VAN P10', 'VAN P50', 'VAN P90', 'P(VAN > 0)', 'P(tCO2e nettes < 0)', 'P(les deux)']
    : ['Use case', 'Variant', 'Scenario', 'NPV P10', 'NPV P50', 'NPV P90', 'P(NPV > 0)', 'P(net tCO2e < 0)', 'P(both)'];
  const rows = result.results
    .filter((r) => r.perspective === 'socioEconomic')
    .map((r) =>
      h(
        'tr',
        {},
        h('td', {}, r.useCase),
        h('td', {}, r.variant),
        h('td', {}, r.scenario),
        h('td', { class: 'num' }, k(r.metrics.npvEur.p10)),
        h('td', { class: 'num' }, k(r.metrics.npvEur.p50)),
        h('td', { class: 'num' }, k(r.metrics.npvEur.p90)),
        h('td', { class: 'num' }, pct(r.probabilities.npvPositive)),
        h('td', { class: 'num' }, pct(r.probabilities.netNegative)),
        h('td', { class: 'num' }, pct(r.probabilities.both)),
      ),
    );
  const caption = lang === 'fr'
    ? `${formatNumber(result.draws, 0, lang)} tirages, point de vue socio-économique, chaque variante contre le statu quo`
    : `${formatNumber(result.draws, 0, lang)} draws, socio-economic perspective, each variant against the status quo`;
  return h('table', { id: 'mc-table' }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, ...rows));
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Downloads

function downloadsSection(): HTMLElement {
  const { lang } = state;
  const formats = state.data.capabilities.formats;
  const button = (format: 'html' | 'xlsx' | 'json', label: L) => {
    const available = formats.includes(format);
    const b = h('button', { type: 'button', id: `download-${format}`, disabled: !available }, tr(label, lang), available ? null : ` — ${tr(UI.comingSoon, lang)}`);
    b.addEventListener('click', () => void download(format));
    return b;
  };
  const yaml = h('button', { type: 'button', id: 'download-yaml' }, tr(UI.downloadYaml, lang));
  yaml.addEventListener('click', () => {
    if (!state.doc) return;
    const text = `# ${state.doc.name}\n# Territoire saisi sur la page de territoires serve ; vérifiez-le avec : territoires validate <fichier>\n${stringify(state.doc)}`;
    saveBlob(new Blob([text], { type: 'application/yaml' }), `${state.doc.id || 'territoire'}.yaml`);
  });
  return section(
    'downloads',
    UI.downloadsSection,
    h('p', { class: 'help' }, tr(UI.downloadsHelp, lang)),
    h('div', { class: 'row' }, button('html', UI.downloadHtml), button('xlsx', UI.downloadXlsx), button('json', UI.downloadJson), yaml),
    status('download-status'),
  );
}

function requestBody(): Record<string, unknown> {
  return { territory: state.doc, scenarios: state.scenarios, useCases: state.useCases, overrides: state.overrides, lang: state.lang };
}

async function download(format: 'html' | 'xlsx' | 'json'): Promise<void> {
  const { lang } = state;
  setStatus('download-status', tr(UI.downloading, lang));
  try {
    const response = await postJson(`/api/report?format=${format}`, requestBody());
    if (!response.ok) throw new Error(errorText((await response.json()) as ErrorBody));
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `territoires.${format}`;
    saveBlob(await response.blob(), name);
    setStatus('download-status', tr(UI.downloaded, lang) + name);
  } catch (error) {
    setStatus('download-status', tr(UI.downloadFailed, lang) + (error as Error).message, true);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

interface ErrorBody {
  error?: string;
  message?: string;
  path?: string | null;
  expected?: string;
  fix?: string;
  errors?: ErrorBody[];
}

/** A server error as one line of text. */
function errorText(body: ErrorBody): string {
  const one = (e: ErrorBody) => [e.message, e.path ? `(${e.path})` : '', e.fix ? `— ${e.fix}` : ''].filter(Boolean).join(' ');
  return body.errors ? body.errors.map(one).join(' ; ') : one(body) || String(body.error ?? 'error');
}

function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

void start();
