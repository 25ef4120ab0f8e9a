/**
 * The script every exported collection runs before and after each request (Postman's
 * sandbox JavaScript, kept as text: it is data written into the collection, never run by
 * the plugin). It walks the flow of `FLOW` (set just above it) exactly as decision 006
 * and the engine define it: step inputs checked and normalised, the request placed by
 * place (path segments, query values, headers, a JSON body built as a value), outputs
 * read by plain paths, the outcome by status, then condition, set, reply, ask and end
 * nodes, and `pm.execution.setNextRequest` to the next step (or `null` to stop). At the
 * end the environment holds `reply`, `end`, `result`, `reason`, `outputs`,
 * `waiting_for`, `failure` and `error`; an end that means failure fails the run, as it
 * makes `run` exit 1.
 */
export const RUNTIME = String.raw`(function (pm, FLOW) {
  'use strict';
  var STATE = 'mailerlite_steps.state';
  var DROP = { dropped: true };
  var hasOwn = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  var setOwn = function (object, key, value) { Object.defineProperty(object, key, { value: value, enumerable: true, writable: true, configurable: true }); };
  var pattern = function (name) { var p = FLOW.formats[name]; return new RegExp(p[0], p[1]); };

  // ---- values as the builder holds them (plugin/flow/condition.ts, plugin/template/helpers.ts)
  function lookup(context, path) {
    var value = context;
    for (var i = 0; i < path.length; i++) {
      if (value === null || value === undefined || !hasOwn(value, path[i])) return undefined;
      value = value[path[i]];
    }
    return value;
  }
  function isBlank(value) {
    if (value === undefined || value === null) return true;
    if (typeof value === 'string') return value.trim() === '';
    if (Array.isArray(value)) return value.length === 0;
    return false;
  }
  function asText(value) {
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  function copy(value) { return value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value)); }

  // ---- templates: literal text and plain <<variable>> paths (plugin/template, plugin/request/body.ts)
  function render(parts, context) {
    var out = '';
    for (var i = 0; i < parts.length; i++) {
      if (typeof parts[i] === 'string') { out += parts[i]; continue; }
      var value = lookup(context, parts[i]);
      out += value === undefined || value === null ? '' : String(value);
    }
    return out;
  }
  function leaf(parts, context) {
    var tagged = parts.some(function (part) { return typeof part !== 'string'; });
    if (!tagged) return render(parts, context);
    var value = parts.length === 1 ? lookup(context, parts[0]) : render(parts, context);
    return isBlank(value) ? DROP : copy(value);
  }
  function value(parts, context) { var v = leaf(parts, context); return v === DROP ? undefined : v; }
  function body(node, context) {
    if (node.kind === 'text') return leaf(node.parts, context);
    if (node.kind === 'value') return node.value;
    if (node.kind === 'list') {
      var kept = [];
      node.items.forEach(function (item) { var built = body(item, context); if (built !== DROP) kept.push(built); });
      return kept.length === 0 && node.items.length > 0 ? DROP : kept;
    }
    var out = {}, count = 0;
    node.entries.forEach(function (entry) { var built = body(entry[1], context); if (built !== DROP) { setOwn(out, entry[0], built); count++; } });
    return count === 0 && node.entries.length > 0 ? DROP : out;
  }

  // ---- step inputs (plugin/step/inputs.ts, coerce.ts, formats.ts)
  function dateTime(text) {
    var halves = text.split(/t|\s/i);
    if (halves.length !== 2) return false;
    var d = pattern('date').exec(halves[0]);
    if (!d) return false;
    var year = +d[1], month = +d[2], day = +d[3];
    var leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    var days = [0, 31, month === 2 && leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= days[month])) return false;
    var t = pattern('time').exec(halves[1]);
    if (!t) return false;
    var hr = +t[1], min = +t[2], sec = +t[3], tz = t[4], sign = t[5] === '-' ? -1 : 1, tzH = +(t[6] || 0), tzM = +(t[7] || 0);
    if (tzH > 23 || tzM > 59 || !tz) return false;
    if (hr <= 23 && min <= 59 && sec < 60) return true;
    var utcMin = min - tzM * sign, utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
    return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
  }
  var FORMATS = {
    email: function (raw) { var v = raw.trim().toLowerCase(); return pattern('email').test(v) && v.length <= 254 ? { ok: true, value: v } : { ok: false }; },
    phone: function (raw) { return pattern('phone').test(raw.trim()) ? { ok: true, value: raw.trim() } : { ok: false }; },
    id: function (raw) { return pattern('id').test(raw.trim()) ? { ok: true, value: raw.trim() } : { ok: false }; },
    uri: function (raw) { var v = raw.trim(); return pattern('uri_fragment').test(v) && pattern('uri').test(v) ? { ok: true, value: v } : { ok: false }; },
    'date-time': function (raw) {
      var v = raw.trim();
      var rfc = pattern('mailerlite_date_time').test(v) ? v.replace(' ', 'T') + 'Z' : v;
      return dateTime(rfc) ? { ok: true, value: v } : { ok: false };
    }
  };
  function hasType(type, v) {
    if (type === 'string') return typeof v === 'string';
    if (type === 'number') return typeof v === 'number' && isFinite(v);
    if (type === 'integer') return typeof v === 'number' && Number.isInteger(v);
    if (type === 'boolean') return typeof v === 'boolean';
    if (type === 'array') return Array.isArray(v);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  }
  function oneOf(decl, v) {
    if (!decl.enum || decl.enum.some(function (allowed) { return JSON.stringify(allowed) === JSON.stringify(v); })) return { ok: true, value: v };
    return { ok: false };
  }
  function coerce(decl, raw) {
    if (decl.type !== 'string') {
      var v = raw;
      if (typeof raw === 'string') { try { v = JSON.parse(raw); } catch (e) { return { ok: false }; } }
      return hasType(decl.type, v) ? oneOf(decl, v) : { ok: false };
    }
    var text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if (typeof text !== 'string') return { ok: false };
    var formatted = decl.format === undefined ? { ok: true, value: text } : FORMATS[decl.format](text);
    if (!formatted.ok) return formatted;
    if (decl.pattern !== undefined && !new RegExp(decl.pattern, 'u').test(formatted.value)) return { ok: false };
    return oneOf(decl, formatted.value);
  }
  function checkInputs(template, given) {
    var missing = template.inputs.some(function (d) { return d.required && d.default === undefined && isBlank(given[d.name]); });
    if (missing) return { ok: false };
    var values = {}, ok = true;
    template.inputs.forEach(function (d) {
      var raw = isBlank(given[d.name]) ? d.default : given[d.name];
      if (raw === undefined || isBlank(raw)) return;
      var checked = coerce(d, raw);
      if (checked.ok) setOwn(values, d.name, checked.value); else ok = false;
    });
    return ok ? { ok: true, values: values } : { ok: false };
  }

  // ---- the request, escaped by place (plugin/request/url.ts, headers.ts, body.ts)
  function encodeOrUndefined(encoder, text) { try { return encoder(text); } catch (e) { return undefined; } }
  function segment(text) { return encodeURIComponent(text).replace(/%40/g, '@'); }
  function placeRequest(template, values) {
    var context = {};
    Object.keys(values).forEach(function (k) { setOwn(context, k, values[k]); });
    setOwn(context, 'settings', S.settings);
    var secrets = {};
    FLOW.secrets.forEach(function (name) { secrets[name] = '{{' + name + '}}'; });
    setOwn(context, 'secrets', secrets);
    var locals = [];
    for (var i = 0; i < template.segments.length; i++) {
      var text = render(template.segments[i].parts, context);
      if (text === '' || text === '.' || text === '..') return false;
      var encoded = encodeOrUndefined(segment, text);
      if (encoded === undefined) return false;
      locals.push([template.segments[i].variable, encoded]);
    }
    var leaveOut = [];
    for (var q = 0; q < template.query.length; q++) {
      var param = template.query[q], rendered = render(param.parts, context);
      if (rendered.trim() === '') { leaveOut.push(param.key); continue; }
      var query = encodeOrUndefined(encodeURIComponent, rendered);
      if (query === undefined) return false;
      locals.push([param.variable, query]);
    }
    var headers = [];
    for (var h = 0; h < template.headers.length; h++) {
      var header = template.headers[h], sent = render(header.parts, context);
      var shown = render(header.parts, Object.assign({}, context, { secrets: {} }));
      // A line break, NUL or a character beyond Latin-1 cannot be sent; "{{" would be read by Postman.
      if (/[\r\n\0]/.test(sent) || /[^\u0000-\u00ff]/.test(sent) || shown.indexOf('{{') >= 0) return false;
      headers.push([header, sent]);
    }
    locals.forEach(function (pair) { pm.variables.set(pair[0], pair[1]); });
    leaveOut.forEach(function (key) { pm.request.url.query.remove(key); });
    headers.forEach(function (pair) {
      if (pair[1].trim() === '') pm.request.headers.remove(pair[0].name);
      else pm.variables.set(pair[0].variable, pair[1]);
    });
    if (template.body !== undefined) {
      var built = body(template.body, context);
      // Postman fills in every {{name}} of a raw body: a "{{" inside a string is written "\u007b{".
      var json = JSON.stringify(built === DROP ? {} : built).replace(/\{(?=\{)/g, '\\u007b');
      pm.variables.set('request.body', json);
    }
    return true;
  }

  // ---- the response (plugin/response/map.ts, decide.ts)
  function readPath(value, path, at) {
    if (at === path.length) return value === undefined ? null : value;
    var step = path[at];
    if (step === '*') {
      if (!Array.isArray(value)) return null;
      var out = [];
      value.forEach(function (item) { var v = readPath(item, path, at + 1); if (v !== null) out.push(v); });
      return out;
    }
    if (typeof step === 'number') {
      if (!Array.isArray(value)) return null;
      var index = step < 0 ? value.length + step : step;
      return index >= 0 && index < value.length ? readPath(value[index], path, at + 1) : null;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !hasOwn(value, step)) return null;
    return readPath(value[step], path, at + 1);
  }
  function mapOutputs(template, root) {
    var outputs = {};
    template.outputs.forEach(function (o) {
      var v = root === undefined ? null : readPath(root, o.path, 0);
      if (o.text && (typeof v === 'number' || typeof v === 'boolean')) v = String(v);
      setOwn(outputs, o.name, v);
    });
    return outputs;
  }
  function decide(template, status, failure) {
    for (var i = 0; i < template.outcomes.length; i++) {
      var rule = template.outcomes[i];
      if (rule.fallback) return rule.name;
      if (rule.failure !== undefined && rule.failure !== failure) continue;
      if (rule.status !== undefined) {
        if (status === undefined) continue;
        var matches = rule.status.some(function (m) { return typeof m === 'number' ? m === status : m.charAt(0) === String(status).charAt(0); });
        if (!matches) continue;
      }
      return rule.name;
    }
    return undefined;
  }
  function retryAfterMs(text) {
    if (text === undefined || text === null || String(text).trim() === '') return undefined;
    var t = String(text).trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
    var date = Date.parse(t);
    return isNaN(date) ? undefined : Math.max(0, date - Date.now());
  }

  // ---- the flow (plugin/flow/run.ts, condition.ts)
  var S;
  function load() {
    var saved = pm.variables.get(STATE);
    var state = typeof saved === 'string' && saved !== '' ? JSON.parse(saved) : undefined;
    if (state && state.iteration === pm.info.iteration) return state;
    return start();
  }
  function save() { pm.variables.set(STATE, JSON.stringify(S)); }
  function given(name) {
    var v = pm.variables.get(name);
    return v === undefined ? undefined : v;
  }
  function start() {
    S = { iteration: pm.info.iteration, vars: {}, settings: {}, replies: [], visits: 0, at: null, attempt: 1, sent: null, done: false };
    FLOW.settings.forEach(function (s) {
      var v = given(s.name);
      if (v === undefined) v = s.default;
      if (v !== undefined) setOwn(S.settings, s.name, v);
    });
    FLOW.variables.forEach(function (d) { var v = given(d.name); if (v !== undefined) setOwn(S.vars, d.name, v); });
    var missing = FLOW.variables.filter(function (d) { return d.required && isBlank(S.vars[d.name]); }).map(function (d) { return d.name; });
    if (missing.length > 0) fail(FLOW.flow + ': missing required variable' + (missing.length > 1 ? 's' : '') + ': ' + missing.join(', ') + ' (pass --env-var name=value)');
    else walk(FLOW.start);
    return S;
  }
  function context() {
    var c = {};
    Object.keys(S.vars).forEach(function (k) { setOwn(c, k, S.vars[k]); });
    setOwn(c, 'settings', S.settings);
    setOwn(c, 'secrets', {});
    return c;
  }
  function holds(node, c) {
    var v = lookup(c, node.variable);
    if (node.operator === 'is_empty') return isBlank(v);
    if (node.operator === 'is_not_empty') return !isBlank(v);
    if (node.operator === 'is_one_of') return (node.values || []).some(function (allowed) { return asText(v) === render(allowed, c); });
    if (node.operator === 'equals') return asText(v) === render(node.value || [], c);
    if (node.operator === 'contains') {
      var wanted = render(node.value || [], c);
      if (wanted.trim() === '') return false;
      return Array.isArray(v) ? v.some(function (item) { return asText(item) === wanted; }) : asText(v).indexOf(wanted) >= 0;
    }
    throw new Error('unknown condition operator ' + node.operator);
  }
  function setValue(node) {
    if (node.function === 'first_word') return asText(lookup(S.vars, [node.of])).trim().split(/\s+/u)[0] || '';
    throw new Error('unknown text function ' + node.function);
  }
  function finish(end) {
    S.done = true;
    S.at = null;
    pm.environment.set('reply', S.replies.join('\n'));
    pm.environment.set('end', end.node);
    pm.environment.set('result', end.result === undefined ? '' : end.result);
    pm.environment.set('reason', end.reason === undefined ? '' : end.reason);
    pm.environment.set('outputs', end.outputs === undefined ? '' : JSON.stringify(end.outputs));
    pm.environment.set('waiting_for', end.waiting_for === undefined ? '' : end.waiting_for);
    pm.environment.set('failure', end.failure ? 'true' : '');
    pm.environment.set('error', end.error === undefined ? '' : end.error);
    if (end.failure) {
      var said = 'mailerlite-steps: the flow ended in ' + end.node + ' (' + end.result + (end.reason ? ': ' + end.reason : '') + ')';
      pm.test(said, function () { throw new Error(said); });
    }
  }
  function fail(message) {
    finish({ node: '', error: message });
    pm.test('mailerlite-steps: ' + message, function () { throw new Error(message); });
  }
  function walk(id) {
    for (;;) {
      S.visits += 1;
      if (S.visits > FLOW.maxVisits) return fail(FLOW.flow + ': more than ' + FLOW.maxVisits + ' nodes visited; the flow loops (next: ' + id + ')');
      var node = hasOwn(FLOW.nodes, id) ? FLOW.nodes[id] : undefined;
      if (!node) return fail(FLOW.flow + ': node "' + id + '" does not exist');
      var c = context();
      if (node.type === 'step') { S.at = id; S.attempt = 1; return; }
      if (node.type === 'condition') { id = holds(node, c) ? node.then : node.else; continue; }
      if (node.type === 'set') { setOwn(S.vars, node.variable, setValue(node)); id = node.next; continue; }
      if (node.type === 'reply') { S.replies.push(render(node.text, c)); id = node.next; continue; }
      if (node.type === 'ask') {
        var question = render(node.text, c);
        S.replies.push(question);
        return finish({ node: id, waiting_for: node.variable });
      }
      var end = { node: id, result: node.result, failure: node.failure === true };
      if (node.reason !== undefined) end.reason = render(node.reason, c);
      if (node.outputs !== undefined) {
        end.outputs = {};
        Object.keys(node.outputs).forEach(function (k) { var v = value(node.outputs[k], c); setOwn(end.outputs, k, v === undefined ? null : v); });
      }
      return finish(end);
    }
  }
  // After a step: inputs taken from the conversation come back normalised, outputs become variables, the outcome routes.
  function afterStep(node, template, inputs, outputs, outcome) {
    template.inputs.forEach(function (d) {
      if (hasOwn(node.inputs, d.name) || !hasOwn(inputs, d.name) || inputs[d.name] === undefined) return;
      if (hasOwn(S.vars, d.name)) setOwn(S.vars, d.name, inputs[d.name]);
    });
    Object.keys(outputs).forEach(function (k) { setOwn(S.vars, k, outputs[k]); });
    var next = outcome !== undefined && hasOwn(node.routes, outcome) ? node.routes[outcome] : node.otherwise;
    if (outcome === undefined) return fail(FLOW.flow + ': ' + template.id + ' has no fallback outcome');
    if (!next) return fail(FLOW.flow + ': outcome "' + outcome + '" of ' + template.id + ' is not routed');
    walk(next);
  }
  function definedOnly(values) {
    var out = {};
    Object.keys(values).forEach(function (k) { if (values[k] !== undefined) setOwn(out, k, values[k]); });
    return out;
  }
  function nextRequest() { pm.execution.setNextRequest(S.done ? null : S.at); }

  function beforeRequest() {
    S = load();
    if (!S.done && S.at === pm.info.requestName) {
      var node = FLOW.nodes[S.at], template = FLOW.templates[node.template], c = context(), inputs = {};
      template.inputs.forEach(function (d) {
        setOwn(inputs, d.name, hasOwn(node.inputs, d.name) ? value(node.inputs[d.name], c) : lookup(S.vars, [d.name]));
      });
      var checked = checkInputs(template, inputs);
      if (checked.ok && placeRequest(template, checked.values)) {
        S.sent = { inputs: checked.values, at: Date.now() };
        return save();
      }
      // Invalid input: no request, the outcome invalid_input, every output null.
      afterStep(node, template, checked.ok ? checked.values : definedOnly(inputs), mapOutputs(template, undefined), 'invalid_input');
    }
    nextRequest();
    save();
    pm.execution.skipRequest();
  }

  function afterResponse() {
    S = load();
    if (S.done || S.at !== pm.info.requestName || !S.sent) return;
    var node = FLOW.nodes[S.at], template = FLOW.templates[node.template];
    var status = pm.response && typeof pm.response.code === 'number' ? pm.response.code : undefined;
    var failure = status !== undefined ? null : Date.now() - S.sent.at >= template.timeoutMs ? 'timeout' : 'network';
    var retryable = status === undefined || status === 429 || status >= 500;
    if (retryable && S.attempt < template.retry.attempts) {
      var asked = status === undefined ? undefined : retryAfterMs(pm.response.headers.get('Retry-After') || pm.response.headers.get('X-RateLimit-Retry-After'));
      if (asked === undefined || asked <= template.retry.maxMs) {
        var wait = asked !== undefined ? asked : Math.random() * Math.min(template.retry.maxMs, template.retry.baseMs * Math.pow(2, S.attempt - 1));
        S.attempt += 1;
        save();
        pm.execution.setNextRequest(S.at);
        return setTimeout(function () {}, wait);
      }
    }
    var root;
    if (status !== undefined) {
      var text = pm.response.text();
      if (text.trim() === '') root = null;
      else { try { root = JSON.parse(text); } catch (e) { root = null; } }
    }
    var inputs = S.sent.inputs;
    S.sent = null;
    afterStep(node, template, inputs, mapOutputs(template, root), decide(template, status, failure));
    nextRequest();
    save();
  }

  if (pm.info.eventName === 'prerequest') beforeRequest(); else afterResponse();
})(pm, FLOW);`;
