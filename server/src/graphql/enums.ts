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

for (const [name, values] of Object.entries(enums)) registerEnumType(values, { name });
