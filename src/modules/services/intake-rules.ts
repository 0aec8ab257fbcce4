import { AppError } from '../../kernel/errors';
import type { CaseRecord } from './case-record';
import type { ServiceItem } from './catalogue';

const cityOf = (division: string) => `${division.slice(0, 4)}00`;

export interface Routing {
  channel: CaseRecord['channel'];
  mode: CaseRecord['mode'];
  receivingDivision: string;
  handlingDivision: string;
}

/**
 * Where a case goes: through which channel, in which cross-province mode, received where and handled where.
 * - online from the item's own city: local; from another alliance city: 全程网办, if the item offers it;
 * - at a window of the item's city: local; of another alliance city: 异地代收代办 (or 多地联办) if offered;
 * - a county-level item is handled by the county named, else the applicant's own county in the item's city.
 * @throws AppError 422 naming what the item does not offer, or the county to choose.
 */
export function routeCase(
  item: ServiceItem,
  request: {
    channel: CaseRecord['channel'];
    /** The window's division (window) or the city the applicant applies from (online). */
    fromDivision: string;
    /** The applicant's own county, when registered in the item's city. */
    applicantCounty: string | null;
    handlingDivision?: string;
    counties: readonly string[];
  },
): Routing {
  if (!item.channels.includes(request.channel))
    throw new AppError(422, 'CHANNEL_NOT_OFFERED', 'serviceChannelNotOffered', { channel: request.channel });
  const crossCity = cityOf(request.fromDivision) !== item.cityCode;
  let mode: CaseRecord['mode'] = 'local';
  if (crossCity) {
    const offered = item.crossProvinceModes;
    if (request.channel === 'online' && offered.includes('full_online')) mode = 'full_online';
    else if (request.channel === 'window' && offered.includes('proxy')) mode = 'proxy';
    else if (request.channel === 'window' && offered.includes('joint')) mode = 'joint';
    else
      throw new AppError(422, 'CROSS_CITY_NOT_OFFERED', 'serviceCrossCityNotOffered', {
        item: item.name.zh,
        channel: request.channel,
      });
  }
  let handlingDivision = item.cityCode;
  if (item.level === 'county') {
    const chosen = request.handlingDivision ?? request.applicantCounty;
    if (!chosen || !request.counties.includes(chosen))
      throw new AppError(422, 'HANDLING_COUNTY_REQUIRED', 'serviceCountyRequired', {
        counties: request.counties.join(', '),
      });
    handlingDivision = chosen;
  } else if (request.handlingDivision && request.handlingDivision !== item.cityCode)
    throw new AppError(422, 'HANDLING_COUNTY_REQUIRED', 'serviceCityLevel', { city: item.cityCode });
  return {
    channel: request.channel,
    mode,
    receivingDivision: request.channel === 'online' && !crossCity ? handlingDivision : request.fromDivision,
    handlingDivision,
  };
}

/** 办件编号: the handling city, the submission date (China time) and eight digits. */
export function caseNumber(handlingDivision: string, today: string, eightDigits: number): string {
  return `${cityOf(handlingDivision)}${today.replaceAll('-', '')}${String(eightDigits % 100_000_000).padStart(8, '0')}`;
}
