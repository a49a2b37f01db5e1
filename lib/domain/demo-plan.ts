import { addMonths, firstOfMonth, lastOfMonth, monthTitle, todayInSweden } from '../time/dates';
import { PLAN_KIND, PLAN_VERSION, type Period, type Plan } from '../model/plan';
import { DIGITEKET_ORIGIN } from '../site/hosts';

// A plan a new user can try at once: last month, this month and next month, with real
// Digiteket courses. Built for `now`, so "this month" is always the current period.

export const DEMO_TEAM_ID = 'kurskompis-exempel';

interface DemoArea {
  area: string;
  courses: Array<[slug: string, title: string, optional?: boolean]>;
}

const AREAS: DemoArea[] = [
  {
    area: 'Information och analys',
    courses: [
      ['kallkritik-pa-natet', 'Källkritik på nätet'],
      ['sok-smartare-med-google', 'Sök smartare med Google'],
      ['vad-ar-en-algoritm', 'Vad är en algoritm?'],
    ],
  },
  {
    area: 'Skapa innehåll',
    courses: [
      ['skapa-en-podd', 'Skapa en podd'],
      ['bildredigering-i-webblasaren', 'Bildredigering i webbläsaren'],
      ['filma-med-mobilen', 'Filma med mobilen'],
      ['upphovsratt-och-creative-commons', 'Upphovsrätt och Creative Commons'],
      ['redigera-wikipedia', 'Redigera Wikipedia', true],
    ],
  },
  {
    area: 'Säkerhet',
    courses: [
      ['starka-losenord', 'Starka lösenord'],
      ['bedrageri-pa-natet', 'Bedrägerier på nätet'],
      ['tvastegsverifiering', 'Tvåstegsverifiering'],
    ],
  },
];

export interface DemoTitles {
  team: string;
  period: (month: string, area: string) => string;
}

export function demoPlan(titles: DemoTitles, locale: string, now: Date = new Date()): Plan {
  const thisMonth = firstOfMonth(todayInSweden(now));
  const periods: Period[] = AREAS.map(({ area, courses }, i) => {
    const starts = addMonths(thisMonth, i - 1);
    return {
      id: `exempel-${starts.slice(0, 7)}`,
      title: titles.period(monthTitle(starts, locale), area),
      competenceArea: area,
      starts,
      // The whole month, so that this month stays the current period to its very last day.
      deadline: lastOfMonth(starts),
      items: courses.map(([slug, title, optional]) => ({
        url: `${DIGITEKET_ORIGIN}/kurs/${slug}/`,
        title,
        kind: 'course' as const,
        ...(optional ? { optional } : {}),
      })),
      sessions: [],
    };
  });
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    team: { id: DEMO_TEAM_ID, name: titles.team },
    updatedAt: new Date(`${thisMonth}T00:00:00Z`).toISOString(),
    periods,
  };
}
