/**
 * A Lambda function bundled locally by esbuild (no Docker) as one ESM file for Node 22 on arm64,
 * with its own log group and a role that carries no AWS managed policy: the only permissions it
 * starts with are writing to its own log group; everything else is granted by the stack.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Repository root (this file is infra/constructs/bundled-function.ts). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * ESM bundles run without `require`; some dependencies (CommonJS inside the bundle) still call it.
 * The shim gives them one, plus __filename/__dirname for libraries that read them.
 */
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __nbCreateRequire } from 'node:module';",
  "import { fileURLToPath as __nbFileURLToPath } from 'node:url';",
  "import { dirname as __nbDirname } from 'node:path';",
  'const require = __nbCreateRequire(import.meta.url);',
  'const __filename = __nbFileURLToPath(import.meta.url);',
  'const __dirname = __nbDirname(__filename);',
].join(' ');

/**
 * esbuild alias for `zod`: the same API without `z.locales` / `z.core`, whose namespace objects
 * esbuild cannot tree-shake (every locale table, a third of the API bundle). See the file itself.
 */
export const ZOD_ALIAS = fileURLToPath(new URL('../../functions/api/zod-lean.ts', import.meta.url));

/** A package the bundle imports lazily, kept out of it and shipped beside it as node_modules/<name>. */
export interface ShippedModule {
  /** The specifier the code imports (esbuild external). */
  specifier: string;
  /** The package directory's name under node_modules. */
  name: string;
  /** The files and folders shipped, relative to the package directory. */
  files: readonly string[];
}

/**
 * Packages a function loads only for some uploads, each with a dynamic import: inside the bundle
 * they were parsed and compiled on every cold start even unevaluated (npm run bench). pdf.js
 * (unpdf's serverless build, ~1.6 MB, `import('unpdf/pdfjs')`: only a PDF loads it; ~33 ms) and
 * pinyin-pro (~460 KB: only a text with pinyin annotations, shared/extract/pinyin.ts).
 */
export const SHIPPED_MODULES: readonly ShippedModule[] = [
  { specifier: 'unpdf/pdfjs', name: 'unpdf', files: ['package.json', 'dist/pdfjs.mjs'] },
  { specifier: 'pinyin-pro', name: 'pinyin-pro', files: ['package.json', 'dist/esm'] },
];

/** The directory of an installed package (the project's own node_modules: not every package exports its package.json). */
export function packageDir(name: string): string {
  return join(PROJECT_ROOT, 'node_modules', name);
}

/** Shell commands that copy the shipped modules beside a bundle in `outputDir` (NodejsFunction afterBundling hook). */
export function shippedCopyCommands(outputDir: string): string[] {
  return SHIPPED_MODULES.flatMap((m) => {
    const target = join(outputDir, 'node_modules', m.name);
    return m.files.map(
      (file) => `mkdir -p "${dirname(join(target, file))}" && cp -R "${join(packageDir(m.name), file)}" "${join(target, file)}"`,
    );
  });
}

/** A worker thread a function starts: its script is bundled on its own and shipped beside index.mjs. */
export interface WorkerBundle {
  /** The worker's TypeScript entry, relative to the repository root. */
  entry: string;
  /** The file name beside index.mjs: the code starts it as `new URL('./<outfile>', import.meta.url)`. */
  outfile: string;
}

/** The ingest function's PDF worker (shared/extract/pdf-isolated.ts): pdf.js runs there, with a heap cap and a time limit. */
export const WORKER_BUNDLES: readonly WorkerBundle[] = [{ entry: 'shared/extract/pdf-worker.ts', outfile: 'pdf-worker.mjs' }];

/** The esbuild command line (after the executable) that bundles one worker into `outputDir`, like the function: ESM, node22, minified. */
export function workerEsbuildArgs(worker: WorkerBundle, outputDir: string, minify = true): string[] {
  return [
    join(PROJECT_ROOT, worker.entry),
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node22',
    '--main-fields=module,main',
    `--outfile=${join(outputDir, worker.outfile)}`,
    '--log-level=warning',
    ...(minify ? ['--minify', '--sourcemap'] : []),
    ...SHIPPED_MODULES.map((m) => `--external:${m.specifier}`),
  ];
}

/** The esbuild executable installed with the project (the one aws-lambda-nodejs bundles with). */
export const ESBUILD_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'esbuild');

const shellQuote = (arg: string): string => `'${arg.replaceAll("'", "'\\''")}'`;

/** Shell commands that bundle the workers beside a bundle in `outputDir` (NodejsFunction afterBundling hook). */
export function workerBuildCommands(outputDir: string): string[] {
  return WORKER_BUNDLES.map((w) => [ESBUILD_BIN, ...workerEsbuildArgs(w, outputDir)].map(shellQuote).join(' '));
}

export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_22_X;
export const LAMBDA_ARCHITECTURE = lambda.Architecture.ARM_64;

export interface BundledFunctionProps {
  /** Absolute path of the TypeScript entry file exporting `handler`. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  reservedConcurrentExecutions?: number;
  /** How long the function's logs are kept. */
  logRetention?: logs.RetentionDays;
  /**
   * Ship the lazily loaded packages (SHIPPED_MODULES: pdf.js, pinyin-pro) and the worker scripts
   * (WORKER_BUNDLES: the PDF worker) beside the bundle: the ingest function.
   */
  shipLazyModules?: boolean;
}

export class BundledFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      // Operational logs only (no report content is logged): nothing worth keeping after teardown.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Stack traces point at the TypeScript sources (the bundle ships its source map).
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      ...(props.reservedConcurrentExecutions !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        // Bundle the AWS SDK too: the versions tested here (3.1169.0) are the versions that run,
        // independent of the SDK the Lambda runtime happens to ship. Only SHIPPED_MODULES stay out.
        externalModules: props.shipLazyModules ? SHIPPED_MODULES.map((m) => m.specifier) : [],
        ...(props.shipLazyModules
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_inputDir: string, outputDir: string) => [
                  ...shippedCopyCommands(outputDir),
                  ...workerBuildCommands(outputDir),
                ],
              },
            }
          : {}),
        // Cold start: zod without its locale tables (npm run bench measures the API import).
        esbuildArgs: { '--alias:zod': ZOD_ALIAS },
      },
    });
  }
}
