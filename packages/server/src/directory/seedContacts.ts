/**
 * Deterministic "random" details for demo meeting rooms: every value is derived from the site
 * code, so each seed run, on any machine, produces the same people and phone numbers, and adding
 * a site does not change the others.
 */
import {
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  MOBILE_PREFIXES,
} from './seedData.js';

/** FNV-1a (32 bit): tiny, stable and spreads short similar strings well. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Picks an element of `list` determined by `key`; `purpose` keeps picks for different fields independent. */
export function stablePick<T>(list: readonly T[], key: string, purpose: string): T {
  return list[stableHash(`${purpose}:${key}`) % list.length]!;
}

export function contactNameFor(siteCode: string): string {
  const female = stableHash(`gender:${siteCode}`) % 2 === 0;
  const family = stablePick(FAMILY_NAMES, siteCode, 'family');
  const middle = stablePick(female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES, siteCode, 'middle');
  const given = stablePick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES, siteCode, 'given');
  return `${family} ${middle} ${given}`;
}

/** A ten-digit 09x mobile number, e.g. "0912345678". */
export function contactPhoneFor(siteCode: string): string {
  const prefix = stablePick(MOBILE_PREFIXES, siteCode, 'phone-prefix');
  const subscriber = String(stableHash(`phone:${siteCode}`) % 10_000_000).padStart(7, '0');
  return `${prefix}${subscriber}`;
}
