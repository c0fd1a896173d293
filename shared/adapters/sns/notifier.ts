/**
 * The SNS publisher: the Notifier port of the ingest pipeline over an SNS topic.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { renderSns, type ProcessedUpload, type RenderOptions } from '../../render/email.ts';

/** What the pipeline needs from a notifier. */
export interface Notifier {
  publish(upload: ProcessedUpload): Promise<void>;
}

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
