/**
 * The HTTP API in front of the api function: IAM (SigV4) authorization on every route except
 * `GET /health`, access logs to a log group, stage throttling.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Steady-state requests per second and burst for the whole stage (a small team's tooling). */
export const API_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;
export const HEALTH_PATH = '/health';

/** One JSON line per request, with HTTP API variables (who signed it, which route, what failed). */
export const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    caller: '$context.identity.caller',
    userArn: '$context.identity.userArn',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

export interface HttpApiProps {
  handler: lambda.IFunction;
  /** The function behind `GET /reports/export` (the year's spreadsheet). */
  exportHandler: lambda.IFunction;
}

export const EXPORT_PATH = '/reports/export';

export class ReportsHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  readonly healthRoutes: apigw.HttpRoute[];

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    const integration = new HttpLambdaIntegration('Integration', props.handler, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'nianbao: query reports, versions and findings (SigV4)',
      createDefaultStage: false,
      defaultAuthorizer: new HttpIamAuthorizer(),
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...API_THROTTLE },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // Liveness for load balancers and humans: no data, no authorization.
    this.healthRoutes = this.api.addRoutes({
      path: HEALTH_PATH,
      methods: [apigw.HttpMethod.GET],
      integration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    // The year's spreadsheet has a function of its own (exceljs stays out of the API's cold start).
    const exportIntegration = new HttpLambdaIntegration('ExportIntegration', props.exportHandler, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    this.api.addRoutes({ path: EXPORT_PATH, methods: [apigw.HttpMethod.GET], integration: exportIntegration });
    // Everything else goes to the function's router, signed with SigV4 (the default authorizer).
    this.api.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
  }

  /** Base URL of the API, ending with `/`. */
  get url(): string {
    return this.stage.url;
  }
}
