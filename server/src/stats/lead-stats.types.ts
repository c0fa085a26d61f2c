import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceType, StatsInterval } from '@slp/shared';
import { Partner } from '../partners/partner.entity.js';

registerEnumType(StatsInterval, {
  name: 'StatsInterval',
  description: 'The length of one bucket of a statistics series, in UTC; weeks start on Monday.',
  valuesConfig: {
    DAY: { description: 'One bucket per calendar day.' },
    WEEK: { description: 'One bucket per ISO week (Monday to Sunday).' },
    MONTH: { description: 'One bucket per calendar month.' },
  },
});

@ArgsType()
export class LeadStatsArgs {
  @Field(() => Date, { description: 'Start of the range (inclusive): leads received from this moment on count.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the range (exclusive).' })
  to!: Date;

  @Field(() => StatsInterval, { defaultValue: StatsInterval.DAY, description: 'Bucket length of the series.' })
  groupBy!: StatsInterval;

  @Field(() => Boolean, { defaultValue: false, description: 'Split every bucket, and the totals, by service type.' })
  byServiceType!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Operators: one partner's statistics; omitted, the whole platform's. A partner sees only its own.",
  })
  partnerId?: string | null;
}

@ObjectType({ description: 'How many of the leads received in a bucket are in each status now.' })
export class LeadStatusCounts {
  @Field(() => Int, { description: 'Still waiting for a follow-up or a rejection.' }) new!: number;
  @Field(() => Int, { description: 'Followed up, no deal yet.' }) following!: number;
  @Field(() => Int, { description: 'Reached a deal.' }) deal!: number;
  @Field(() => Int, { description: 'Closed: no agreement, or closed by the seller.' }) closed!: number;
  @Field(() => Int, { description: 'Rejected by the partner.' }) rejected!: number;
}

@ObjectType({ description: 'The funnel NEW → FOLLOWING → DEAL of the leads received in a bucket.' })
export class LeadFunnel {
  @Field(() => Int, { description: 'Leads received.' }) received!: number;
  @Field(() => Int, { description: 'Of those, leads that were followed up (whatever their status now).' }) followedUp!: number;
  @Field(() => Int, { description: 'Of those, leads that reached a deal.' }) reachedDeal!: number;
  @Field(() => Float, { nullable: true, description: 'followedUp / received, 0 to 1; null when nothing was received.' })
  followUpRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'reachedDeal / followedUp, 0 to 1; null when nothing was followed up.' })
  dealRate!: number | null;
}

@ObjectType({ description: 'Statistics of the leads received in one bucket (or in the whole range, for totals).' })
export class LeadStatsBucket {
  @Field(() => Date, { nullable: true, description: 'Start of the bucket (UTC); null for totals over the whole range.' })
  start!: Date | null;

  @Field(() => ServiceType, { nullable: true, description: 'The service type, when split by service type.' })
  serviceType!: ServiceType | null;

  @Field(() => LeadStatusCounts, { description: 'Current status of the leads received in the bucket.' })
  counts!: LeadStatusCounts;

  @Field(() => LeadFunnel, { description: 'How far the leads received in the bucket got.' })
  funnel!: LeadFunnel;

  @Field(() => Float, { nullable: true, description: 'Median seconds from receiving a lead to following it up; null if none was.' })
  medianSecondsToFollowUp!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median seconds from receiving a lead to the deal; null if none reached one.' })
  medianSecondsToDeal!: number | null;
}

@ObjectType({ description: "Lead statistics for dashboards: a partner's own, or the platform's for operators." })
export class LeadStats {
  @Field(() => Date, { description: 'Start of the range (inclusive).' }) from!: Date;
  @Field(() => Date, { description: 'End of the range (exclusive).' }) to!: Date;
  @Field(() => StatsInterval, { description: 'Bucket length of the series.' }) groupBy!: StatsInterval;
  @Field(() => Partner, { nullable: true, description: 'The partner; null for platform-wide statistics.' }) partner!: Partner | null;
  @Field(() => LeadStatsBucket, { description: 'The whole range.' }) total!: LeadStatsBucket;
  @Field(() => [LeadStatsBucket], { description: 'The whole range per service type (empty unless byServiceType).' })
  totalsByServiceType!: LeadStatsBucket[];

  @Field(() => [LeadStatsBucket], {
    description:
      'One bucket per interval from the one holding `from` to the one holding `to`, empty ones included; ' +
      'per service type (each type with leads in the range) when byServiceType.',
  })
  buckets!: LeadStatsBucket[];
}
