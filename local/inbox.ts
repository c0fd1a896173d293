/**
 * The local inbox: an SMTP server (smtp-server) that accepts every message, parses it
 * (mailparser) and keeps it in a MailStore, and a small web server showing the messages as plain
 * HTML (everything escaped) and as JSON:
 *
 *   GET /                    list (HTML)        GET /messages/{id}      one message (HTML)
 *   GET /api/messages        JSON array of { id, subject, from, to, date, text }
 *   GET /api/messages/{id}   one message (JSON)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type MailMessage, MailStore } from './mail-store.ts';

export interface LocalInbox {
  /** e.g. smtp://127.0.0.1:2525 */
  smtpUrl: string;
  /** Web page, e.g. http://127.0.0.1:1080 */
  url: string;
  /** JSON listing. */
  apiUrl: string;
  store: MailStore;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) =>
    a.value.map((v) => v.address ?? v.name).filter((s): s is string => !!s),
  );

function listen(server: Server | SMTPServer, port: number): Promise<number> {
  // SMTPServer proxies listen() to its net.Server, exposed as `.server`.
  const net = (server instanceof SMTPServer ? server.server : server) as Server;
  return new Promise((resolve, reject) => {
    net.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      net.off('error', reject);
      resolve((net.address() as AddressInfo).port);
    });
  });
}

export async function startInbox({
  smtpPort,
  webPort,
  directory,
}: {
  smtpPort: number;
  webPort: number;
  directory: string;
}): Promise<LocalInbox> {
  const store = new MailStore(directory);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    banner: 'nianbao local inbox',
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const from = addresses(mail.from)[0] ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : '');
          await store.add({
            subject: mail.subject ?? '',
            from,
            to: envelopeTo.length > 0 ? envelopeTo : addresses(mail.to),
            date: (mail.date ?? new Date()).toISOString(),
            text: mail.text ?? '',
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  smtp.on('error', (error) => console.error(`inbox: SMTP error: ${error.message}`));
  const smtpBound = await listen(smtp, smtpPort);

  const web = createServer((req, res) => {
    handle(store, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`internal error: ${String(error)}`);
    });
  });
  const webBound = await listen(web, webPort);
  const url = `http://127.0.0.1:${webBound}`;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpBound}`,
    url,
    apiUrl: `${url}/api/messages`,
    store,
    close: async () => {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}

async function handle(store: MailStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://inbox').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
  if (path === '/api/messages') return json(res, 200, await store.list());
  let m = /^\/api\/messages\/([^/]+)$/.exec(path);
  if (m) {
    const message = await store.get(decodeURIComponent(m[1]!));
    return message ? json(res, 200, message) : json(res, 404, { error: 'no such message' });
  }
  if (path === '/') return send(res, 200, 'text/html', listPage(await store.list()));
  m = /^\/messages\/([^/]+)$/.exec(path);
  if (m) {
    const message = await store.get(decodeURIComponent(m[1]!));
    return message
      ? send(res, 200, 'text/html', messagePage(message))
      : send(res, 404, 'text/html', page('Not found', '<p>No such message.</p>'));
  }
  return send(res, 404, 'text/plain', 'not found');
}

const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json', JSON.stringify(body));

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
}

// ---------------------------------------------------------------------------------------------
// HTML (every value escaped)
// ---------------------------------------------------------------------------------------------

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}</style>
</head><body>${body}</body></html>`;

function listPage(messages: MailMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.date)}</td><td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td><td>${escapeHtml(m.to.join(', '))}</td></tr>`,
    )
    .join('\n');
  const body = messages.length
    ? `<table><thead><tr><th>Received</th><th>Subject</th><th>To</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : '<p>No messages yet. Upload a report: <code>npm run upload -- FILE</code></p>';
  return page(
    'nianbao inbox',
    `<h1>nianbao inbox</h1><p>${messages.length} message(s), newest first. JSON: <a href="/api/messages">/api/messages</a></p>${body}`,
  );
}

function messagePage(m: MailMessage): string {
  return page(
    m.subject,
    `<p><a href="/">← inbox</a></p><h1>${escapeHtml(m.subject)}</h1>
<p>From: ${escapeHtml(m.from)}<br>To: ${escapeHtml(m.to.join(', '))}<br>Date: ${escapeHtml(m.date)}</p>
<pre>${escapeHtml(m.text)}</pre>`,
  );
}
