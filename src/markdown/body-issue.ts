/** Something a body may not contain, found while reading it: a problem once placed in its file. */
export interface BodyIssue {
  /** 1-based line within the body. */
  line?: number;
  /** What kind of thing is refused: `html`, `mdx`, `link`, `image`, `steps`. */
  field: string;
  /** What was found, why it is refused and what to write instead. */
  message: string;
}
