import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 that echoes the credential it receives. */
export interface EchoServer {
  url: string;
  /** The credentials received (Authorization or X-MailerLite-ApiKey), in order. */
  received: string[];
  close(): Promise<void>;
}

/** What the echo server answers a request that carried `credential`. */
export type EchoAnswer = (credential: string, request: { method: string; url: string }) => { status: number; body: object };

/** By default: a 200 whose body holds a subscriber and the credential. */
const SUBSCRIBER_ECHO: EchoAnswer = (credential, request) => ({
  status: 200,
  body: { data: { id: '1', email: 'priya@example.com', status: 'active', groups: [], echo: credential, url: request.url } },
});

/**
 * A misbehaving "MailerLite": every request gets an answer whose JSON body and `X-Echo`
 * header repeat the Authorization (or X-MailerLite-ApiKey) header it was sent, so a test
 * can check that nothing prints or answers the key it echoes.
 */
export async function startEchoServer(answer: EchoAnswer = SUBSCRIBER_ECHO): Promise<EchoServer> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    const credential = String(req.headers.authorization ?? req.headers['x-mailerlite-apikey'] ?? '');
    received.push(credential);
    const { status, body } = answer(credential, { method: req.method ?? 'GET', url: req.url ?? '/' });
    res.writeHead(status, { 'content-type': 'application/json', 'x-echo': credential });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
