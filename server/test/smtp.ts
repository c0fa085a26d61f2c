import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** What the server answers to a message's DATA: take it, refuse for now, refuse for good, or never answer. */
export type SmtpAnswer = 'accept' | 'tempfail' | 'permfail' | 'stall';

/** A real SMTP server on a free local port, keeping what it accepted and every DATA it saw. */
export class TestSmtpServer {
  readonly accepted: ParsedMail[] = [];
  readonly attempts: { at: number; messageId: string | undefined; to: string }[] = [];
  answer: (attempt: number) => SmtpAnswer = () => 'accept';
  private readonly server: SMTPServer;
  private port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          const to = [mail.to ?? []]
            .flat()
            .map((address) => address.text)
            .join(', ');
          this.attempts.push({ at: Date.now(), messageId: mail.messageId, to });
          const answer = this.answer(this.attempts.length);
          if (answer === 'accept') {
            this.accepted.push(mail);
            callback();
          } else if (answer !== 'stall') {
            const [code, text] = answer === 'tempfail' ? [451, 'Mailbox busy, try again later'] : [550, 'No such user here'];
            callback(Object.assign(new Error(text), { responseCode: code }));
          }
        }, callback);
      },
    });
  }

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    smtp.port = (smtp.server.server.address() as { port: number }).port;
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
