/**
 * The DynamoDB table, built from the one definition in shared/adapters/dynamodb/table-definition.ts: keys,
 * GSIs and TTL attribute are read from there, never restated. On-demand, PITR, encrypted,
 * deletion-protected and retained on stack deletion.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeyAttribute, TableDefinition } from '../../shared/adapters/dynamodb/table-definition.ts';
import { TABLE_DEFINITION } from '../../shared/adapters/dynamodb/table-definition.ts';

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

export interface ReportsTableProps {
  definition?: TableDefinition;
}

export class ReportsTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: ReportsTableProps = {}) {
    super(scope, id);
    const definition = props.definition ?? TABLE_DEFINITION;

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(definition.partitionKey),
      sortKey: attribute(definition.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.timeToLiveAttribute,
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: definition.globalSecondaryIndexes.map((gsi) => ({
        indexName: gsi.indexName,
        partitionKey: attribute(gsi.partitionKey),
        sortKey: attribute(gsi.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });
  }
}
