/** Options of `tracker.close()` (and an adapter's `close`). */
export interface CloseOptions {
  /**
   * Log a password session out, which revokes its tokens on the tracker. `false` keeps them valid,
   * for a tool that saved them (`onTokens`) to resume later (`tokens`). A bot token is never logged out.
   *
   * @default true
   * @example
   * await tracker.close({ logout: false }); // the saved tokens resume the session next run
   */
  logout?: boolean;
}
