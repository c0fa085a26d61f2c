import { registerEnumType } from 'type-graphql';
import {
  CompanySize, ContactAccess, InquiryStatus, InquiryUpdateType, LeadAlertType, LeadCloseReason, LeadSource,
  LeadStatus, PartnerStatus, ProductCategory, RejectReason, RequestType, Role, ServiceType, UserErrorCode,
} from '@slp/shared';

/** The shared enums, exposed under the contract's names. */
const enums = {
  Role, CompanySize, RequestType, InquiryStatus, LeadStatus, LeadSource, LeadCloseReason, RejectReason,
  ContactAccess, PartnerStatus, ServiceType, ProductCategory, LeadAlertType, InquiryUpdateType, UserErrorCode,
};

/** Descriptions of enum values added beyond the contract. */
const valueDescriptions: Record<string, Record<string, { description: string }>> = {
  LeadCloseReason: { UNASSIGNED: { description: 'An operator took the lead back before the partner acted on it.' } },
};

for (const [name, values] of Object.entries(enums)) {
  registerEnumType(values, { name, valuesConfig: valueDescriptions[name] });
}
