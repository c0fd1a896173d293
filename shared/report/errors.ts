/**
 * An input that cannot become a Document or a Report (empty, binary, unsupported, encrypted …).
 * Extractors throw it; the check facade turns it into one `input` finding. `ruleId` is an id of
 * the rules catalogue (shared/rules/catalogue.ts), e.g. I-UNSUPPORTED-TYPE.
 */
export class InputProblem extends Error {
  override readonly name = 'InputProblem';
  constructor(
    readonly ruleId: string,
    /** Chinese message for people. */
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
