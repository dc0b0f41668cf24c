// Calls to this origin's API. Every failure becomes an ApiProblem carrying the problem+json the
// API sent (title, detail, errors[{name, reason}]) so the page can show it as it is.

export class ApiProblem extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'Request failed');
    this.name = 'ApiProblem';
    this.status = problem.status ?? 0;
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.code = problem.code ?? '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = problem.retryAfter;
  }
}

async function parse(res) {
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('json') ? await res.json().catch(() => null) : null;
  if (res.ok) return json ?? {};
  const problem = json && typeof json === 'object' ? json : {};
  throw new ApiProblem({
    status: res.status,
    title: problem.title ?? res.statusText ?? `HTTP ${res.status}`,
    detail: problem.detail ?? '',
    code: problem.code ?? '',
    errors: problem.errors,
    retryAfter: res.headers.get('retry-after'),
  });
}

async function call(url, init) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiProblem({ status: 0, code: 'NETWORK', title: 'network', detail: String(err?.message ?? err) });
  }
  return parse(res);
}

export function get(path, params, signal) {
  const qs = params ? `?${new URLSearchParams(params)}` : '';
  return call(`${path}${qs}`, { signal });
}

export function post(path, body, contentType, signal) {
  const headers = contentType ? { 'content-type': contentType } : {};
  return call(path, { method: 'POST', body, headers, signal });
}

export const searchText = (params, signal) => get('/v1/search', params, signal);
export const getObject = (id, lang, signal) => get(`/v1/objects/${encodeURIComponent(id)}`, { lang }, signal);

const lists = new Map();
/** A Red List with its context; memoised per language for the page's lifetime. */
export function getList(id, lang, signal) {
  const key = `${id}\n${lang}`;
  if (!lists.has(key)) {
    const p = get(`/v1/lists/${encodeURIComponent(id)}`, { lang }, signal);
    p.catch(() => lists.delete(key));
    lists.set(key, p);
  }
  return lists.get(key);
}

export function searchImage(file, lang, signal) {
  const form = new FormData();
  form.append('image', file, file.name || 'photo');
  return call(`/v1/search/image?${new URLSearchParams({ lang })}`, { method: 'POST', body: form, signal });
}

export const startBulkJob = (file, lang, signal) =>
  post(`/v1/bulk-jobs?${new URLSearchParams({ lang, name: (file.name || 'upload.csv').slice(0, 200) })}`, file, 'text/csv', signal);
export const getBulkJob = (id, signal) => get(`/v1/bulk-jobs/${encodeURIComponent(id)}`, null, signal);
export const bulkResultsUrl = (id, format = 'csv') => `/v1/bulk-jobs/${encodeURIComponent(id)}/results?format=${format}`;

/** URL of an image at a size (`thumb`, `display`, `original`) from a sha256 or a given URL. */
export function imageUrl(ref, size = 'thumb') {
  if (!ref) return null;
  if (typeof ref === 'object') return imageUrl(ref.url ?? ref.sha256, size);
  const s = String(ref);
  if (/^[a-f0-9]{64}$/.test(s)) return `/v1/images/${s}/${size}`;
  if (s.startsWith('/')) return s;
  return null; // never another host
}
