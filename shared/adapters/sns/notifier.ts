/**
 * The Notifier port over an SNS topic: one Publish per processed upload, rendered by
 * shared/render/email.ts (ASCII subject, Chinese body, JSON payload, filterable attributes).
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { type ProcessedUpload, type RenderOptions, renderSns } from '../../render/email.ts';
import type { Notifier } from '../../usecases/ports.ts';

export class SnsNotifier implements Notifier {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    private readonly options: RenderOptions = {},
  ) {}

  async publish(upload: ProcessedUpload): Promise<void> {
    await this.client.send(new PublishCommand({ TopicArn: this.topicArn, ...renderSns(upload, this.options) }));
  }
}
