export { buildRequest, type BuiltRequest, type OutgoingRequest, type ShownRequest } from './build.js';
export { renderUrl, encodeSegment } from './url.js';
export { renderHeaders, type RenderedHeaders } from './headers.js';
export { renderBody, renderValue } from './body.js';
export { redactedMarker, lookup, type RenderContext } from './context.js';
export { InvalidValue, type Rendered } from './invalid.js';
