/**
 * A refusal or failure meant for the user: a message they can act on, and
 * the technical cause for the details view. Thrown by the remedies and the
 * IPC handlers alike; the handler wrapper turns it into a Reply, because
 * only a message survives a throw across Electron's IPC.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly technicalCause: string | null = null,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
