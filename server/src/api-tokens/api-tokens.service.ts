import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, createApiTokenRules } from '@slp/shared';
import { DomainError, validate } from '../domain-error.js';
import { sha256 } from '../auth/digest.js';
import { requireOnboardedPartner, requirePartner, type Viewer } from '../auth/viewer.js';
import { ApiToken } from './api-token.entity.js';
import { User } from '../auth/user.entity.js';
import { Partner } from '../partners/partner.entity.js';

/** Recognisable in logs and by secret scanners. */
export const TOKEN_PREFIX = 'slp_';
/** Enough for a dashboard per team; a leaked list of forgotten tokens is a risk, not a feature. */
export const MAX_ACTIVE_TOKENS = 20;
/** Last-used time is kept to the minute, so a busy dashboard does not write on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/** Partner API tokens: create (secret shown once), list, revoke, and find the viewer a secret acts for. */
export class ApiTokensService {
  constructor(private readonly em: EntityManager) {}

  async create(viewer: Viewer | null, input: unknown): Promise<{ apiToken: ApiToken; secret: string }> {
    const { user, partner } = requireOnboardedPartner(viewer);
    const data = validate(createApiTokenRules, input);
    // 32 random bytes: a secret that cannot be guessed, so a fast hash is the right way to store it.
    const secret = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
    // The partner's row is locked while its tokens are counted: concurrent creations queue, so the
    // count each one sees includes those committed before it.
    const apiToken = await this.em.transactional(async (em) => {
      await em.execute('select 1 from partners where id = ? for update', [partner.id]);
      if ((await em.count(ApiToken, { partner, revokedAt: null })) >= MAX_ACTIVE_TOKENS) {
        throw DomainError.of(
          UserErrorCode.LIMIT_EXCEEDED,
          `A partner can have at most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first`,
        );
      }
      return em.create(ApiToken, {
        partner: em.getReference(Partner, partner.id),
        createdBy: em.getReference(User, user.id),
        name: data.name,
        scope: data.scope,
        secretHash: sha256(secret),
        hint: `${secret.slice(0, 8)}…`,
      });
    });
    return { apiToken, secret };
  }

  /** The partner's tokens, newest first; revoked ones only when asked for. */
  list(viewer: Viewer | null, includeRevoked: boolean): Promise<ApiToken[]> {
    const { partner } = requirePartner(viewer);
    return this.em.find(ApiToken, { partner, ...(includeRevoked ? {} : { revokedAt: null }) }, { orderBy: { id: 'desc' } });
  }

  /** Revoking twice changes nothing; the token is refused from the next request on. */
  async revoke(viewer: Viewer | null, id: number): Promise<ApiToken> {
    const { partner } = requirePartner(viewer);
    const apiToken = await this.em.findOne(ApiToken, { id, partner });
    if (!apiToken) throw DomainError.of(UserErrorCode.NOT_FOUND, 'No such API token', ['apiTokenId']);
    apiToken.revokedAt ??= new Date();
    await this.em.flush();
    return apiToken;
  }

  /**
   * The viewer a secret acts for: the member who created the token, with the token's scope, while
   * the token is not revoked and that member still belongs to the partner. Null otherwise.
   */
  async viewerForSecret(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const apiToken = await this.em.findOne(
      ApiToken,
      { secretHash: sha256(secret), revokedAt: null },
      { populate: ['createdBy', 'createdBy.partner', 'partner'] },
    );
    if (!apiToken || apiToken.createdBy.partner?.id !== apiToken.partner.id) return null;
    await this.recordUse(apiToken);
    return { user: apiToken.createdBy, partner: apiToken.partner, apiToken: { id: apiToken.id, scope: apiToken.scope } };
  }

  /** Writes only when the stored time is a minute old; the condition keeps racing requests to one write. */
  private async recordUse(apiToken: ApiToken): Promise<void> {
    const now = new Date();
    const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    if (apiToken.lastUsedAt && apiToken.lastUsedAt > stale) return;
    await this.em.nativeUpdate(
      ApiToken,
      { id: apiToken.id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lte: stale } }] },
      { lastUsedAt: now },
    );
  }
}
