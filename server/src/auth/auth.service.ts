import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PartnerStatus, Role, UserErrorCode, normalizedName, signUpPartnerRules, signUpSellerRules } from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { Partner } from '../partners/partner.entity.js';
import { leanMapper } from '../db/lean-read.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import type { Viewer } from './viewer.js';
import { passwordProblem } from './password-policy.js';
import { sha256 } from './digest.js';
import { executePrepared } from '../db/prepared-statements.js';
import type { LogInThrottle } from '../limits/log-in-throttle.js';

export const SESSION_DAYS = 30;

/** Accounts and sessions: sign-up, log-in with argon2id-hashed passwords, opaque session tokens. */
export class AuthService {
  constructor(private readonly em: EntityManager) {}

  async signUpSeller(input: unknown): Promise<User> {
    const data = validate(signUpSellerRules, input);
    return this.createUser({ ...data, role: Role.SELLER });
  }

  /** A partner organisation starts PENDING until an operator onboards it. */
  async signUpPartner(input: unknown): Promise<User> {
    const data = validate(signUpPartnerRules, input);
    await this.refuseTakenOrganizationName(data.organizationName);
    const partner = this.em.create(Partner, {
      name: data.organizationName,
      contactEmail: data.contactEmail,
      status: PartnerStatus.PENDING,
    });
    return this.createUser({ ...data, role: Role.PARTNER, partner });
  }

  /**
   * An organisation whose name reads like an existing one (the same letters, whatever the case,
   * spacing or invisible characters) could pass for it, so it is refused.
   */
  private async refuseTakenOrganizationName(name: string): Promise<void> {
    const [taken] = await this.em.execute(`select 1 from partners where ${NAME_KEY_SQL} = ? limit 1`, [nameKey(name)]);
    if (taken) throw DomainError.of(UserErrorCode.CONFLICT, 'An organisation with this name already exists', ['organizationName']);
  }

  /** Every account's password is held to the policy (password-policy.ts), whoever creates it. */
  async createUser(data: { email: string; password: string; name: string; role: Role; partner?: Partner }): Promise<User> {
    const email = data.email.trim().toLowerCase();
    const weak = await passwordProblem(data.password, [email, data.name]);
    if (weak) throw DomainError.of(UserErrorCode.INVALID, weak, ['password']);
    if (await this.em.count(User, { email })) {
      throw DomainError.of(UserErrorCode.CONFLICT, 'An account with this email already exists', ['email']);
    }
    const user = this.em.create(User, {
      email,
      name: data.name,
      role: data.role,
      partner: data.partner ?? null,
      passwordHash: await argon2.hash(data.password, { type: argon2.argon2id }),
    });
    await this.em.flush();
    return user;
  }

  /** Throttled per account and per address (limits/log-in-throttle.ts) before any password is verified. */
  async logIn(email: string, password: string, throttle: { limiter: LogInThrottle; address: string }): Promise<User> {
    const account = email.trim().toLowerCase();
    const user = await throttle.limiter.attempt(account, throttle.address, async () => {
      const found = await this.em.findOne(User, { email: account }, { populate: ['passwordHash', 'partner'] });
      // Verify against a dummy hash for unknown emails too, so timing does not reveal accounts.
      const ok = await argon2.verify(found?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
      return ok ? found : null;
    });
    if (!user) throw DomainError.of(UserErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    return user;
  }

  /** Starts a session and returns the secret for the cookie; only its hash is stored. */
  async startSession(user: User): Promise<string> {
    const token = crypto.randomBytes(32).toString('base64url');
    this.em.create(Session, {
      tokenHash: sha256(token),
      user,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    });
    await this.em.flush();
    return token;
  }

  /**
   * The viewer of each token whose session is still open, as read-only objects (db/lean-read.ts):
   * live events check many sessions at once and never write. Two statements side by side.
   */
  async viewersForSessions(tokens: readonly string[]): Promise<Map<string, Viewer>> {
    const tokenOf = new Map(tokens.map((token) => [sha256(token), token]));
    const openSessions = `from ${OPEN_SESSIONS} where s.token_hash in (?)`;
    const params = [[...tokenOf.keys()]];
    const connection = this.em.getConnection();
    const [users, partners] = await Promise.all([
      connection.execute<Record<string, unknown>[]>(`select s.token_hash, u.* ${openSessions}`, params),
      connection.execute<Record<string, unknown>[]>(`select * from partners where id in (select u.partner_id ${openSessions})`, params),
    ]);
    const partnerById = new Map(partners.map(leanMapper(this.em, Partner)).map((partner) => [partner.id, partner]));
    const toUser = leanMapper(this.em, User);
    return new Map(
      users.map((row) => {
        const user = toUser(row);
        return [tokenOf.get(row.token_hash as string)!, { user, partner: user.partner ? partnerById.get(user.partner.id)! : null }];
      }),
    );
  }

  async endSession(token: string): Promise<void> {
    await this.em.nativeDelete(Session, { tokenHash: sha256(token) });
  }

  /**
   * The session's user and its partner, read as the batched session lookup reads them. Every request
   * starts here, so it is one plain statement mapped by the lean reader: as an ORM query with two
   * joined relations it cost five times the CPU, and mapped into the EntityManager (em.map, merge)
   * still 3% of a page of leads.
   */
  async viewerForSession(token: string): Promise<Viewer | null> {
    const [row] = await executePrepared<{ user: Record<string, unknown>; partner: Record<string, unknown> | null }>(this.em, SESSION_USER, [
      sha256(token),
    ]);
    if (!row) return null;
    return { user: leanMapper(this.em, User)(row.user), partner: row.partner ? leanMapper(this.em, Partner)(row.partner) : null };
  }
}

/** How an organisation name compares: NFKC, lower case, without spaces or invisible characters. */
const nameKey = (name: string) => normalizedName(name).toLowerCase().replace(/\s+/g, '');
const NAME_KEY_SQL = `regexp_replace(lower(normalize(name, NFKC)), '[[:space:]\u200b-\u200d\u2060\ufeff\u00ad]+', '', 'g')`;

/** Sessions `s` not yet expired (by the database's clock) with their users `u`. */
const OPEN_SESSIONS = 'sessions s join users u on u.id = s.user_id and s.expires_at > now()';

/** Rows as JSON keyed by column name, which em.map takes; the password hash stays out, as a lazy property. */
const SESSION_USER = `select to_jsonb(u) - 'password_hash' as "user", to_jsonb(p) as partner
  from ${OPEN_SESSIONS} left join partners p on p.id = u.partner_id where s.token_hash = ?`;

const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$5jS3TRtAXrgOPjOVxQkLTbd9SbWExEb2YUp4cdKhE/I';
