/**
 * The review calendar and each person's calendar, as iCalendar text. Plain
 * functions of the plans and people they are given: the public site passes
 * its public plans (which never include a restricted one), a restricted area
 * its own.
 */
import type { PersonView, PlanView } from '../model/portfolio.ts';
import { percent, label } from '../site/format.ts';
import { calendar, type CalendarEvent } from './ical.ts';
import { siteHost, siteLinks, type SubscribeSite } from './links.ts';

export interface SubscribeContent {
  plans: readonly PlanView[];
  people: ReadonlyMap<string, Pick<PersonView, 'data'>>;
}

const byDateThenUid = (a: CalendarEvent, b: CalendarEvent) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid);

function reviewEvent(plan: PlanView, content: SubscribeContent, site: SubscribeSite): CalendarEvent {
  const links = siteLinks(site);
  const overdue = plan.data.review.next < site.today;
  const owner = content.people.get(plan.data.owner)?.data.name ?? plan.data.owner;
  const health = plan.health.band === 'unknown' ? 'unknown' : `${plan.health.band} (${percent(plan.health.score)})`;
  return {
    // Keyed by the plan alone, so a moved meeting moves in the calendar rather than doubling.
    uid: `review-${plan.id}@${siteHost(site)}`,
    date: plan.data.review.next,
    summary: `${overdue ? 'OVERDUE: ' : ''}Account review: ${plan.data.account} (${label(plan.data.tier)})`,
    description: [
      `${label(plan.data.review.cadence)} planning meeting for ${plan.data.account}.`,
      `Owner: ${owner}`,
      `Health: ${health}`,
      ...(overdue ? [`Overdue: it was due on ${plan.data.review.next}.`] : []),
      `Plan: ${links.plan(plan)}`,
    ].join('\n'),
    url: links.plan(plan),
    categories: ['Review'],
  };
}

/** /reviews.ics: every plan's next planning meeting, overdue ones flagged. */
export function reviewsCalendar(content: SubscribeContent, site: SubscribeSite, name = `${site.title}: reviews`): string {
  const events = content.plans.map((p) => reviewEvent(p, content, site)).sort(byDateThenUid);
  return calendar({ name, today: site.today }, events);
}

/** /people/<id>/calendar.ics: the actions and goals they own, and the reviews of plans they own or are on the team of. */
export function personCalendar(person: string, content: SubscribeContent, site: SubscribeSite): string {
  const links = siteLinks(site);
  const host = siteHost(site);
  const events: CalendarEvent[] = [];
  for (const plan of content.plans) {
    const account = plan.data.account;
    if (plan.data.owner === person || plan.data.team?.some((t) => t.person === person)) events.push(reviewEvent(plan, content, site));
    for (const action of plan.actions) {
      if (action.owner !== person || !action.open) continue;
      events.push({
        uid: `action-${plan.id}-${action.id}@${host}`,
        date: action.due,
        summary: `${action.overdue ? 'OVERDUE: ' : ''}Action due: ${action.title} (${account})`,
        description: [`${label(action.status)} action on ${account}.`, ...(action.overdue ? [`Overdue: it was due on ${action.due}.`] : []),
          `Plan: ${links.plan(plan, action.id)}`].join('\n'),
        url: links.plan(plan, action.id),
        categories: ['Action'],
      });
    }
    for (const goal of plan.goals) {
      if (goal.owner !== person || goal.status === 'done' || goal.status === 'dropped') continue;
      events.push({
        uid: `goal-${plan.id}-${goal.id}@${host}`,
        date: goal.due,
        summary: `Goal due: ${goal.title} (${account})`,
        description: [`Goal on ${account}, ${label(goal.status).toLowerCase()}.`, `Plan: ${links.plan(plan, goal.id)}`].join('\n'),
        url: links.plan(plan, goal.id),
        categories: ['Goal'],
      });
    }
  }
  const name = content.people.get(person)?.data.name ?? person;
  return calendar({ name: `${site.title}: ${name}`, today: site.today }, events.sort(byDateThenUid));
}
