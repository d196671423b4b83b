/** Every internal link goes through here, so the site works under any base path. */
import site from 'virtual:keyplan/config';

export function url(path = ''): string {
  return site.base + path.replace(/^\/+/, '');
}

export function planUrl(plan: string, item?: string): string {
  return url(`plans/${plan}/`) + (item ? `#${item}` : '');
}

export function personUrl(person: string): string {
  return url(`people/${person}/`);
}
