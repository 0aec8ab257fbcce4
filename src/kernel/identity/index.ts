/** Identity kernel: pure validation, generation and masking of resident IDs, USCCs and mobile numbers. */
export type { IdentifierCheck, IdentifierReason, IdentifierType, UnrecognisedReason } from './classify';
export { classifyIdentifier } from './classify';
export type { MessageLanguage } from './describe-reason';
export { describeReason } from './describe-reason';
export { maskMobile, maskName, maskResidentId, maskUscc, redactPersonalData } from './masking';
export type { Mobile, MobileReason } from './mobile';
export { normaliseMobile, parseMobile } from './mobile';
export type { AllowedCharacters, CharactersReason, LengthReason, ParseResult } from './parse-result';
export type { ParseResidentIdOptions, ResidentId, ResidentIdReason } from './resident-id';
export { makeResidentId, parseResidentId, residentIdCheckChar } from './resident-id';
export type { Uscc, UsccParts, UsccReason } from './uscc';
export { makeUscc, organisationCodeCheckChar, parseUscc, USCC_ALPHABET, usccCheckChar } from './uscc';
export { allowedOrganisationTypes, REGISTRATION_TYPES } from './uscc-registration-types';
