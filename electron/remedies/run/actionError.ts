/**
 * A refusal or failure meant for the user: a message they can act on, and
 * the technical cause for the details view. The IPC layer passes both on
 * (as its ReplyError) unchanged.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly technicalCause: string | null = null,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
