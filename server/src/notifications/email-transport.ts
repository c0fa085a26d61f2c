import nodemailer from 'nodemailer';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RenderedEmail } from './email-layout.js';
import { MailboxMessage } from './mailbox-message.entity.js';

export interface OutgoingEmail extends RenderedEmail {
  outboxId: number;
  from: string;
  to: string;
  messageId: string;
}

/** Marks outbox rows sent; throws when another worker has taken one of them over meanwhile. */
export type MarkSent = (em: EntityManager, emails: OutgoingEmail[]) => Promise<void>;

/** An email that could not be delivered this time, and why. */
export interface DeliveryFailure {
  email: OutgoingEmail;
  error: unknown;
}

export interface EmailTransport {
  /** Delivers a batch and marks what went out sent; returns the emails that failed. */
  deliver(em: EntityManager, emails: OutgoingEmail[], markSent: MarkSent): Promise<DeliveryFailure[]>;
  close(): void;
}

/**
 * SMTP through nodemailer, one email at a time. SMTP cannot take back a message, so the only window
 * for a duplicate is a crash between the server's acceptance and marking the row sent; the
 * Message-ID stays the same on a resend so the recipient's mail system can tell.
 */
export function smtpTransport(url: string): EmailTransport {
  // Every wait is bounded well below the outbox lease (5 minutes by default), so a send never
  // outlives its claim and another worker never takes a row that is still being sent.
  const mailer = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async deliver(em, emails, markSent) {
      const failures: DeliveryFailure[] = [];
      for (const email of emails) {
        try {
          await mailer.sendMail({
            from: email.from,
            to: email.to,
            subject: email.subject,
            text: email.text,
            html: email.html,
            messageId: email.messageId,
          });
          await markSent(em, [email]);
        } catch (error) {
          failures.push({ email, error });
        }
      }
      return failures;
    },
    close: () => mailer.close(),
  };
}

/**
 * The local mailbox: storing a batch's messages and marking their rows sent is one transaction, so
 * each is delivered exactly once; if any row was taken over meanwhile, none of the batch is stored.
 */
export function mailboxTransport(): EmailTransport {
  return {
    async deliver(em, emails, markSent) {
      try {
        await em.transactional(async (tx) => {
          await tx
            .createQueryBuilder(MailboxMessage)
            .insert(
              emails.map((email) => ({
                messageId: email.messageId,
                from: email.from,
                to: email.to,
                subject: email.subject,
                text: email.text,
                html: email.html,
                deliveredAt: new Date(),
              })),
            )
            .onConflict('message_id')
            .ignore()
            .execute();
          await markSent(tx, emails);
        });
        return [];
      } catch (error) {
        return emails.map((email) => ({ email, error }));
      }
    },
    close: () => {},
  };
}
