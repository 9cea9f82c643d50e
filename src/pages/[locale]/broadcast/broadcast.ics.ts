import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site.ts';
import { absoluteUrl, pagePath } from '../../../lib/urls.ts';
import { inThisShard } from '../../../lib/shard.ts';
import { broadcastLocales } from '../../../broadcast/locale-broadcasts.ts';
import { localeSchedule, siteHost } from '../../../broadcast/locale-schedule.ts';
import { calendar } from '../../../broadcast/ical.ts';

/** Each locale's broadcast schedule as an iCalendar file, for stations that run their schedule from a calendar: /<locale>/broadcast/broadcast.ics. */
export const getStaticPaths = (async () => inThisShard((await broadcastLocales()).schedule.map((locale) => ({ params: { locale } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale!;
  const site = getSite();
  const base = import.meta.env.BASE_URL;
  const { messages } = await localeSchedule(locale);
  const items = messages.map(({ slug, entry, script }) => ({
    uid: `${locale}-${slug}`,
    stamp: entry.data.date,
    title: entry.data.title,
    description: script.full.text,
    url: absoluteUrl(site.settings.site, pagePath(base, locale, 'messages', slug)),
    schedule: entry.data.schedule!,
    seconds: script.full.seconds,
  }));
  const name = `${site.text(site.settings.name, locale)} – ${site.t(locale)('broadcastSchedule')}`;
  // The content check has made sure a site with schedules has a time zone.
  const body = calendar(name, site.settings.timezone ?? 'UTC', siteHost(), items);
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
