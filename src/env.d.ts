interface ImportMetaEnv {
  /** Version of the in-page search script, set by the search integration. */
  readonly LOA_SEARCH_VERSION: string;
}
