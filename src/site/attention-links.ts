/** The address of the row an attention entry is about, and of a kind's list on /attention/. */
import { ATTENTION_KINDS, type AttentionKind, type AttentionTarget } from '../model/attention.ts';
import { scorecardUrl } from './scorecard-links.ts';
import { personUrl, planUrl, url } from './urls.ts';

export function targetUrl(target: AttentionTarget): string {
  if (target.page === 'person') return personUrl(target.person);
  if (target.page === 'scorecard') return scorecardUrl(target.plan, target.item);
  return planUrl(target.plan, target.item);
}

export function attentionUrl(kind: AttentionKind): string {
  return `${url('attention/')}#${ATTENTION_KINDS[kind].section}`;
}

/** The id of an owner's list on /attention/; an underscore, which no person id has, so it never clashes with a kind's list. */
export function ownerSection(owner: string | undefined): string {
  return `owner_${owner ?? 'none'}`;
}
