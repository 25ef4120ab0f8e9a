export { buildRequest, compileRequest, type BuiltRequest, type OutgoingRequest, type ShownRequest, type RequestBuilder } from './build.js';
export { renderUrl, compileUrl, type UrlRenderer } from './url.js';
export { encodeSegment } from './encode.js';
export { renderHeaders, compileHeaders, type RenderedHeaders, type HeadersRenderer } from './headers.js';
export { renderBody, renderValue, compileBody, compileValue, type BodyRenderer } from './body.js';
export { redactedMarker, lookup, type RenderContext } from './context.js';
export { InvalidValue, type Rendered } from './invalid.js';
