import type { Severity } from "./diagnostic.js";

/**
 * Every diagnostic code the parser and checker can emit. Checks, code actions, the docs
 * (docs/diagnostics.md) and the tests all refer to these constants; a code, once published, never changes meaning.
 */
export const Codes = {
  // Syntax
  UnexpectedToken: "CV100",
  UnterminatedString: "CV101",
  UnterminatedComment: "CV102",
  UnknownCharacter: "CV103",
  NestingTooDeep: "CV104",
  InvalidEscape: "CV105",
  LineBreakInText: "CV106",
  InvisibleCharacterInText: "CV107",
  // Names and files
  UnknownReference: "CV200",
  WrongReferenceKind: "CV201",
  DuplicateName: "CV202",
  UnusedDeclaration: "CV203",
  ImportNotFound: "CV204",
  ImportCycle: "CV205",
  ImportOutsideRoot: "CV206",
  ImportNotAFile: "CV207",
  ContractHeader: "CV208",
  UnknownKind: "CV209",
  // Schema
  UnknownField: "CV300",
  MissingField: "CV301",
  DuplicateField: "CV302",
  WrongType: "CV303",
  UnknownEnumValue: "CV304",
  MisplacedDeclarationPart: "CV305",
  InvalidDate: "CV306",
  WrongSign: "CV307",
  UnknownAction: "CV308",
  UnknownActionObject: "CV309",
  // Units and money
  DimensionMismatch: "CV400",
  ForeignCurrency: "CV401",
  TooManyDecimals: "CV402",
  UnknownCurrency: "CV403",
  UnknownCountry: "CV404",
  UnknownUnit: "CV405",
  RatePeriodMismatch: "CV406",
  IndexedPriceUnrounded: "CV407",
  // Tiers
  TierGap: "CV500",
  TierOverlap: "CV501",
  TierOrder: "CV502",
  OpenTierNotLast: "CV503",
  TierAboveMinimum: "CV504",
  TierPriceRises: "CV505",
  EmptyTier: "CV506",
  // Indexation and percentages
  FloorAboveCeiling: "CV600",
  IndexWeightsOver: "CV601",
  PercentOutOfRange: "CV602",
  MilestonePaymentsOverValue: "CV603",
  // Dates and terms
  MilestoneBeforeEffective: "CV700",
  MilestoneAfterTerm: "CV701",
  LicenceOutlivesContract: "CV702",
  EscalationOrder: "CV703",
  LadderLongerThanNotice: "CV704",
  // Licences
  ExclusiveLicenceOverlap: "CV800",
  UnlimitedSublicence: "CV801",
  PerpetualWorldwideCoreIp: "CV802",
  // Objectivity
  NotMeasurable: "CV900",
  UncappedPenalty: "CV901",
} as const;

export type DiagnosticCode = (typeof Codes)[keyof typeof Codes];

export interface CodeInfo {
  readonly severity: Severity;
  /** A short name used in docs and SARIF rules. */
  readonly title: string;
}

/** The catalogue: one entry per code, with its default severity. */
export const codeCatalogue: Readonly<Record<DiagnosticCode, CodeInfo>> = {
  CV100: { severity: "error", title: "Unexpected token" },
  CV101: { severity: "error", title: "Unterminated text" },
  CV102: { severity: "error", title: "Unterminated comment" },
  CV103: { severity: "error", title: "Unknown character" },
  CV104: { severity: "error", title: "Nesting too deep" },
  CV105: { severity: "error", title: "Invalid escape in text" },
  CV106: { severity: "error", title: "Line break in one-line text" },
  CV107: { severity: "error", title: "Invisible or control character in text" },
  CV200: { severity: "error", title: "Unknown reference" },
  CV201: { severity: "error", title: "Reference to the wrong kind" },
  CV202: { severity: "error", title: "Duplicate name" },
  CV203: { severity: "warning", title: "Unused declaration" },
  CV204: { severity: "error", title: "Import not found" },
  CV205: { severity: "error", title: "Import cycle" },
  CV206: { severity: "error", title: "Import outside the project" },
  CV207: { severity: "error", title: "Import is not a file" },
  CV208: { severity: "error", title: "Contract header misplaced" },
  CV209: { severity: "error", title: "Unknown declaration kind" },
  CV300: { severity: "error", title: "Unknown field" },
  CV301: { severity: "error", title: "Missing required field" },
  CV302: { severity: "error", title: "Given twice" },
  CV303: { severity: "error", title: "Value of the wrong type" },
  CV304: { severity: "error", title: "Unknown option" },
  CV305: { severity: "error", title: "Misplaced row or block" },
  CV306: { severity: "error", title: "Invalid date" },
  CV307: { severity: "error", title: "Negative or zero where the field forbids it" },
  CV308: { severity: "error", title: "Unknown action" },
  CV309: { severity: "error", title: "Action object not taken" },
  CV400: { severity: "error", title: "Dimension mismatch" },
  CV401: { severity: "error", title: "Currency other than the contract's" },
  CV402: { severity: "error", title: "Too many decimals for the currency" },
  CV403: { severity: "error", title: "Unknown currency" },
  CV404: { severity: "error", title: "Unknown country" },
  CV405: { severity: "error", title: "Unknown unit" },
  CV406: { severity: "error", title: "Rate period differs from the measurement period" },
  CV407: { severity: "warning", title: "Indexed price without rounding" },
  CV500: { severity: "error", title: "Gap between tiers" },
  CV501: { severity: "error", title: "Overlapping tiers" },
  CV502: { severity: "error", title: "Tiers out of order" },
  CV503: { severity: "error", title: "Open tier not last" },
  CV504: { severity: "error", title: "First tier above the minimum order" },
  CV505: { severity: "warning", title: "Price rises with volume" },
  CV506: { severity: "error", title: "Empty tier" },
  CV600: { severity: "error", title: "Floor above ceiling" },
  CV601: { severity: "error", title: "Index weights above 100%" },
  CV602: { severity: "error", title: "Percentage out of range" },
  CV603: { severity: "error", title: "Milestone payments above the contract value" },
  CV700: { severity: "error", title: "Milestone before the effective date" },
  CV701: { severity: "error", title: "Milestone after the term" },
  CV702: { severity: "warning", title: "Licence outlives the contract" },
  CV703: { severity: "error", title: "Escalation steps out of order" },
  CV704: { severity: "warning", title: "Ladder longer than the renewal notice" },
  CV800: { severity: "error", title: "Overlapping exclusive licences" },
  CV801: { severity: "warning", title: "Sublicensable grant without limit" },
  CV802: { severity: "warning", title: "Worldwide perpetual grant of core IP" },
  CV900: { severity: "warning", title: "Not objectively measurable" },
  CV901: { severity: "warning", title: "Penalty without a cap" },
};

/** All codes, in catalogue order. */
export const allCodes = Object.keys(codeCatalogue) as DiagnosticCode[];
