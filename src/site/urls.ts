/** Every internal link goes through here, so the site works under any base path. */
import site from 'virtual:keyplan/config';
import type { PlanView, Portfolio } from '../model/portfolio.ts';

export function url(path = ''): string {
  return site.base + path.replace(/^\/+/, '');
}

/** A plan's page where the view being rendered has it (`PlanView.home`: public, or in an area); a bare id is a public plan's page. */
export function planUrl(plan: string | Pick<PlanView, 'home'>, item?: string): string {
  return url(typeof plan === 'string' ? `plans/${plan}/` : plan.home) + (item ? `#${item}` : '');
}

/** The front page of a view: the public portfolio, or an area's. */
export function viewUrl(portfolio: Pick<Portfolio, 'view'>, path = ''): string {
  return url(portfolio.view.prefix + path);
}

export function personUrl(person: string): string {
  return url(`people/${person}/`);
}
