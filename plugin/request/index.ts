export { buildRequest, type BuiltRequest, type OutgoingRequest, type ShownRequest } from './build.js';
export { renderUrl } from './url.js';
export { encodeSegment } from './encode.js';
export { renderHeaders, type RenderedHeaders } from './headers.js';
export { renderBody, renderValue } from './body.js';
export { redactedMarker, lookup, renderContext, type RenderContext } from './context.js';
export { InvalidValue, type Rendered } from './invalid.js';
