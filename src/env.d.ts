interface ImportMetaEnv {
  /** Version of the in-page search script, set by Loa's integration (src/integration.ts). */
  readonly LOA_SEARCH_VERSION: string;
}
