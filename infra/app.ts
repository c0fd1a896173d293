/**
 * CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). Settings come from context, e.g.
 * `npx cdk deploy -c alertEmail=you@example.gov.cn`; see docs/deploy.md.
 */
import { createApp } from './create-app.ts';

// The CLI provides the output directory and context through the environment; the App synthesizes
// itself when the process exits.
createApp();
