/** Types for `linebreak` (foliojs), the Unicode Line Breaking Algorithm (UAX #14); the package ships none. */
declare module "linebreak" {
  /** A break opportunity: text may end a line before `position` (a UTF-16 offset); `required` after a hard line break. */
  export interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  /** Walks the break opportunities of a string in order. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last (the end of the text is always one). */
    nextBreak(): Break | null;
  }
}
