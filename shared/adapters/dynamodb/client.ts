/**
 * The one way to make the DynamoDB document client: from a plain client (or client settings),
 * with `removeUndefinedValues` so optional fields of the records may be undefined.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A document client over `dynamo`: a DocumentClient is returned as it is, a plain client is
 * wrapped, client settings (endpoint, region, credentials) make a new client.
 */
export function documentClient(dynamo: DynamoDBClient | DynamoDBDocumentClient | DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  if (dynamo instanceof DynamoDBDocumentClient) return dynamo;
  const client = dynamo instanceof DynamoDBClient ? dynamo : new DynamoDBClient(dynamo);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
