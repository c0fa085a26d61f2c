import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { InputArg } from '../graphql/user-error.js';
import type { Context } from '../request/context.js';
import { mutationPayload } from '../graphql/payload.js';
import { viewerOf } from './viewer.js';
import { AuthService } from './auth.service.js';
import type { User } from './user.entity.js';
import { AuthPayload, LogInInput, SignUpPartnerInput, SignUpSellerInput, ViewerType } from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Query(() => ViewerType, { nullable: true, description: 'Who is logged in; null when nobody is.' })
  viewer(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer;
  }

  @Mutation(() => AuthPayload, { description: 'Creates a seller account and logs it in.' })
  signUpSeller(@InputArg(() => SignUpSellerInput) input: SignUpSellerInput, @Ctx() ctx: Context) {
    return this.logInWith(ctx, (auth) => auth.signUpSeller(input));
  }

  @Mutation(() => AuthPayload, { description: 'Creates a partner organisation (PENDING until onboarded) and its first member.' })
  signUpPartner(@InputArg(() => SignUpPartnerInput) input: SignUpPartnerInput, @Ctx() ctx: Context) {
    return this.logInWith(ctx, (auth) => auth.signUpPartner(input));
  }

  @Mutation(() => AuthPayload, { description: 'Starts a session (HTTP-only cookie).' })
  logIn(@InputArg(() => LogInInput) input: LogInInput, @Ctx() ctx: Context) {
    const limiter = ctx.logIns;
    if (!limiter) throw new Error('logIn needs the log-in throttle in its context');
    return this.logInWith(ctx, (auth) => auth.logIn(input.email, input.password, { limiter, address: ctx.address }));
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logOut(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.session.token) await new AuthService(ctx.em).endSession(ctx.session.token);
    ctx.session.clear();
    return true;
  }

  private logInWith(ctx: Context, find: (auth: AuthService) => Promise<User>) {
    const auth = new AuthService(ctx.em);
    return mutationPayload(
      async () => {
        const user = await find(auth);
        ctx.session.set(await auth.startSession(user));
        ctx.viewer = viewerOf(user);
        return ctx.viewer;
      },
      (viewer) => ({ viewer }),
    );
  }
}
