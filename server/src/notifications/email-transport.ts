import nodemailer from 'nodemailer';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RenderedEmail } from './email-layout.js';
import { MailboxMessage } from './mailbox-message.entity.js';

export interface OutgoingEmail extends RenderedEmail { from: string; to: string; messageId: string }

/** Marks the outbox row sent; throws when another worker has taken the row over meanwhile. */
export type MarkSent = (em: EntityManager) => Promise<void>;

export interface EmailTransport {
  deliver(em: EntityManager, email: OutgoingEmail, markSent: MarkSent): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer. SMTP cannot take back a message, so the only window for a duplicate is a
 * crash between the server's acceptance and marking the row sent; the Message-ID stays the same on a
 * resend so the recipient's mail system can tell.
 */
export function smtpTransport(url: string): EmailTransport {
  // Every wait is bounded well below the outbox lease (5 minutes by default), so a send never
  // outlives its claim and another worker never takes a row that is still being sent.
  const mailer = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  return {
    async deliver(em, email, markSent) {
      await mailer.sendMail({
        from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html, messageId: email.messageId,
      });
      await markSent(em);
    },
    close: () => mailer.close(),
  };
}

/** The local mailbox: storing the message and marking the row sent is one transaction, so exactly once. */
export function mailboxTransport(): EmailTransport {
  return {
    deliver: (em, email, markSent) => em.transactional(async (tx) => {
      await tx.createQueryBuilder(MailboxMessage).insert({
        messageId: email.messageId, from: email.from, to: email.to, subject: email.subject, text: email.text, html: email.html,
        deliveredAt: new Date(),
      }).onConflict('message_id').ignore().execute();
      await markSent(tx);
    }),
    close: () => {},
  };
}
