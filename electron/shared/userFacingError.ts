import type { Message } from './i18n/message';

/**
 * A refusal or failure meant for the user: a message they can act on, in
 * their language once it is formatted (issue #17), and the technical cause
 * for the details view, which stays as the program said it. Thrown by the
 * remedies and the IPC handlers alike; the handler wrapper turns it into a
 * Reply, because only plain data survives a throw across Electron's IPC.
 */
export class UserFacingError extends Error {
  constructor(
    readonly userMessage: Message,
    readonly technicalCause: string | null = null,
  ) {
    // Error.message is for logs and stack traces: the id and the cause, never shown to the user.
    super(
      technicalCause === null
        ? userMessage.messageId
        : `${userMessage.messageId}: ${technicalCause}`,
    );
    this.name = 'UserFacingError';
  }
}
