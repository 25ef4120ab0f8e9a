/** The Postman Collection Format v2.1 schema URL. */
export const COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A script of the collection, run by Postman before (`prerequest`) or after (`test`) each request. */
export interface PostmanEvent {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

/** One header row. */
export interface PostmanHeader {
  key: string;
  value: string;
  description?: string;
}

/** A request: method, raw URL with `{{variables}}`, headers and a raw JSON body. */
export interface PostmanRequest {
  method: string;
  header: PostmanHeader[];
  url: string;
  body?: { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } };
  description: string;
}

/** One request item: a step node of the flow, named by its node id. */
export interface PostmanItem {
  id: string;
  name: string;
  request: PostmanRequest;
  response: [];
}

/** A collection variable (a default a `--env-var` overrides). */
export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  description: string;
}

/** A Postman collection v2.1, as `newman run` reads it. */
export interface PostmanCollection {
  info: { name: string; description: string; schema: string };
  event: PostmanEvent[];
  variable: PostmanVariable[];
  item: PostmanItem[];
}
