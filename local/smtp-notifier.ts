/**
 * The SMTP notifier: the Notifier port of the ingest pipeline over plain SMTP (nodemailer). It
 * sends exactly the email an SNS email subscriber receives (renderEmail: ASCII subject, Chinese
 * body). Used by the embedded local stack; the SNS publisher stays the production path, and
 * `notifierFromEnv` chooses between them (NIANBAO_NOTIFIER=smtp|sns).
 */
import type { SNSClient } from '@aws-sdk/client-sns';
import { createTransport, type Transporter } from 'nodemailer';
import { z } from 'zod';
import { SnsNotifier } from '../shared/adapters/sns/notifier.ts';
import { type ProcessedUpload, type RenderOptions, renderEmail } from '../shared/render/email.ts';
import type { Notifier } from '../shared/usecases/ports.ts';

export interface SmtpNotifierOptions {
  /** e.g. smtp://127.0.0.1:2525 (no TLS, no auth: a local sink). */
  url: string;
  from: string;
  to: string[];
  render?: RenderOptions;
}

export class SmtpNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpNotifierOptions) {
    const url = new URL(options.url);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || 25),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.protocol !== 'smtps:',
    });
  }

  async publish(upload: ProcessedUpload): Promise<void> {
    const email = renderEmail(upload, this.options.render ?? {});
    await this.transport.sendMail({
      from: this.options.from,
      to: this.options.to,
      subject: email.subject,
      text: email.text,
      headers: { 'X-Nianbao-Report-Id': upload.reportId, 'X-Nianbao-Status': upload.status },
    });
  }

  close(): void {
    this.transport.close();
  }
}

const NotifierEnvSchema = z.discriminatedUnion('NIANBAO_NOTIFIER', [
  z.object({
    NIANBAO_NOTIFIER: z.literal('sns'),
    TOPIC_ARN: z.string().min(1),
  }),
  z.object({
    NIANBAO_NOTIFIER: z.literal('smtp'),
    NIANBAO_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+/, 'an smtp:// or smtps:// URL'),
    NIANBAO_MAIL_FROM: z.string().min(3).default('nianbao@localhost'),
    /** Comma-separated recipients. */
    NIANBAO_MAIL_TO: z.string().min(3).default('reviewers@localhost'),
  }),
]);

/**
 * The notifier named by the environment: `NIANBAO_NOTIFIER=sns` (the default; needs TOPIC_ARN and
 * an SNS client) or `smtp` (needs NIANBAO_SMTP_URL; NIANBAO_MAIL_FROM, NIANBAO_MAIL_TO optional).
 */
export function notifierFromEnv(env: NodeJS.ProcessEnv, clients: { sns?: SNSClient }, render: RenderOptions = {}): Notifier {
  const config = NotifierEnvSchema.parse({ NIANBAO_NOTIFIER: 'sns', ...env });
  if (config.NIANBAO_NOTIFIER === 'sns') {
    if (!clients.sns) throw new Error('NIANBAO_NOTIFIER=sns needs an SNS client');
    return new SnsNotifier(clients.sns, config.TOPIC_ARN, render);
  }
  return new SmtpNotifier({
    url: config.NIANBAO_SMTP_URL,
    from: config.NIANBAO_MAIL_FROM,
    to: config.NIANBAO_MAIL_TO.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    render,
  });
}
